/** Reserve projections (Road Casualty Reduction & Support Reserve, MTFS planner) are the next piece of work. */
export function ProjectionsPage() {
  return (
    <>
      <h2>Projections</h2>
      <p className="lede">
        Not built yet. This page will model the Road Casualty Reduction &amp; Support Reserve and every earmarked
        reserve over the medium term, under scenarios.
      </p>
    </>
  );
}
