/** Says, wherever generated figures are shown, that they are illustrative and not a real export's. */
export function IllustrativeNote({ year }: { year: number }) {
  return (
    <p className="illustrative-note" role="note" aria-label="Illustrative figures">
      <strong>Illustrative figures.</strong>{' '}
      {year === 2017 ? (
        <>
          The monthly budget, returns and ledger behind this section were made up to end at the paper&rsquo;s 2017/18
          outturn: at P12 each area&rsquo;s budget and forecast equal the paper&rsquo;s. Cost centres, ledger lines and
          the earlier months are made up. The paper&rsquo;s own tables are further down.
        </>
      ) : (
        <>
          Some of the datasets behind this section are marked illustrative: generated figures, not a real export. Cost
          centres, ledger lines and amounts are made up.
        </>
      )}
    </p>
  );
}
