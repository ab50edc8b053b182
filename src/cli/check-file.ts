// npm run check-file -- <file> [--kind ledger|budget|outturn|capital|capital-financing|reserves|carry-forwards]
//                              [--header-row N] [--sheet NAME] [--map "Cost centre=Expense Area" ...] [--profile FILE]
//                              [--year 2018/19] [--json]
// Runs the import pipeline in Node and prints the receipt, so an export can be checked before upload.
// Exit status: 0 no row rejected; 1 some rows rejected; 2 the file cannot be read at all.
import { checkFile } from './check-file-command';

// The command itself (src/cli/check-file-command.ts) never exits; this prints its answer and exits with its status.
void checkFile(process.argv.slice(2)).then(({ status, stdout, stderr }) => {
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exit(status);
});
