// Injected into every page before Streamlit's own scripts (context.add_init_script).
// Records, with performance.now() timestamps (ms since navigation start):
//  - every change of Streamlit's run state (data-test-script-state on stApp),
//  - the last DOM mutation anywhere in the app, and the last one inside a plotly chart,
//  - the arrival of every WebSocket message from the server,
//  - the moment of the user's input that starts a timed action (after arm()).
(() => {
  if (window.__bench) return;
  const bench = { states: [], messages: [], lastMutation: 0, lastChartMutation: 0, t0: null, armed: false };
  window.__bench = bench;
  // Arrival time of every message from the server. Our listener is added in the
  // constructor, before the app's own handler, so it runs first. When the browser is
  // busy, a whole fast run (started ... finished) can be handled in one task and the
  // run-state attribute then never shows "running"; these times still show the run.
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => bench.messages.push(performance.now()));
    }
  };
  try { performance.setResourceTimingBufferSize(2000); } catch (e) {}
  bench.arm = () => { bench.armed = true; bench.t0 = null; };
  const mark = () => { if (bench.armed) { bench.t0 = performance.now(); bench.armed = false; } };
  document.addEventListener("pointerdown", mark, true);
  document.addEventListener("keydown", mark, true);
  const attach = () => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app) { requestAnimationFrame(attach); return; }
    bench.states.push([performance.now(), app.getAttribute("data-test-script-state")]);
    new MutationObserver((records) => {
      const now = performance.now();
      bench.lastMutation = now;
      for (const r of records) {
        if (r.target === app && r.attributeName === "data-test-script-state") {
          bench.states.push([now, app.getAttribute("data-test-script-state")]);
        }
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        // Chart drawing, but not hover labels (the pointer may rest over a chart).
        if (el && el.closest(".js-plotly-plot") && !el.closest(".hoverlayer")) bench.lastChartMutation = now;
      }
    }).observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  attach();
})();
