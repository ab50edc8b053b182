/** Says, wherever generated figures are shown, that they are illustrative and not the paper's. */
export function IllustrativeNote() {
  return (
    <p className="illustrative-note" role="note" aria-label="Illustrative figures">
      <strong>Illustrative figures.</strong> The monthly budget, returns and ledger behind this section were generated (
      <code>src/cli/generate-sample-year.ts</code>) to end at the paper&rsquo;s 2017/18 outturn: at P12 each
      area&rsquo;s budget and forecast equal the paper&rsquo;s. Cost centres, ledger lines and the earlier months are
      made up. The paper&rsquo;s own tables are further down.
    </p>
  );
}
