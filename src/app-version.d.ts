/** The app's version and commit, set at build time by vite.config.ts (define). */
declare const __OUTTURN_VERSION__: string;
