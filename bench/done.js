// Resolves when the app is done after `since` (ms since navigation start, or "t0" for the
// armed input): Streamlit connected, a script run started after `since` and finished
// (run state notRunning), no skeletons or stale elements, at least `charts` plotly
// charts and every visible one drawn (an svg with traces), and no chart redrawn for
// `quietMs`. "done" is the later of the moment all that first held and the last chart
// redraw; "settled" adds every other DOM change (e.g. the data grid's accessibility
// table, which updates on a ~200 ms debounce and is not something a user waits for).
async ({ since, charts, quietMs, timeoutMs }) => {
  const bench = window.__bench;
  const start = since === "t0" ? bench.t0 : since;
  if (start === null || start === undefined) return { error: "no input was recorded" };
  const drawn = (chart) => chart.querySelector(".main-svg") && chart.querySelector("g.trace, g.hm, .heatmaplayer image");
  const visible = (el) => (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
  const ready = () => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app || app.getAttribute("data-test-connection-state") !== "CONNECTED") return false;
    if (app.getAttribute("data-test-script-state") !== "notRunning") return false;
    // A run started after `start`: seen as the "running" state, or, when the browser
    // handled the whole run in one go, as server messages followed by a DOM update.
    const ran = bench.states.some(([t, s]) => t >= start && s === "running");
    const lastMessage = bench.messages.length ? bench.messages[bench.messages.length - 1] : 0;
    if (!ran && !(lastMessage >= start && bench.lastMutation > lastMessage)) return false;
    if (document.querySelector("[data-testid='stSkeleton'], [data-stale='true']")) return false;
    const all = [...document.querySelectorAll("[data-testid='stPlotlyChart']")];
    if (all.filter(drawn).length < charts) return false;
    return all.filter(visible).every(drawn);
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const tick = () => new Promise((resolve) => setTimeout(resolve, 16));  // rAF pauses in background tabs
  const deadline = performance.now() + timeoutMs;
  const failure = (error) => {
    const app = document.querySelector("[data-testid='stApp']");
    return { error, start, state: app && app.getAttribute("data-test-script-state"),
             connection: app && app.getAttribute("data-test-connection-state"),
             charts: document.querySelectorAll("[data-testid='stPlotlyChart']").length,
             exceptions: document.querySelectorAll("[data-testid='stException']").length };
  };
  let readyAt = null;
  for (;;) {
    while (!ready()) {
      if (performance.now() > deadline) return failure("timeout");
      const app = document.querySelector("[data-testid='stApp']");
      if (app && app.getAttribute("data-test-script-state") === "notRunning"
          && document.querySelector("[data-testid='stException']")) {
        return failure("the page shows an exception: " + document.querySelector("[data-testid='stException']").innerText.slice(0, 300));
      }
      await Promise.race([frame(), tick()]);
    }
    readyAt = performance.now();
    while (performance.now() - Math.max(readyAt, bench.lastChartMutation) < quietMs) {
      if (performance.now() > deadline) return failure("charts kept changing");
      await Promise.race([frame(), tick()]);
    }
    if (ready()) break;  // else a further run began (e.g. a rerun the page asked for): wait for it too
  }
  const done = Math.max(readyAt, bench.lastChartMutation);
  // Where the time went: the server's first answer and its last message (the end of
  // the run) before `done`, as seen by the browser.
  const answers = bench.messages.filter((t) => t >= start && t <= done);
  return { start, ready: readyAt, done, settled: Math.max(done, bench.lastMutation),
           firstMessage: answers.length ? answers[0] : null, lastMessage: answers.length ? answers[answers.length - 1] : null,
           exceptions: document.querySelectorAll("[data-testid='stException']").length };
}
