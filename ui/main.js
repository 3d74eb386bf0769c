// Loads the Yew app that `cargo xtask ui` built with wasm-bindgen.
import init from "./portal_ui.js";
// Start-up breakdown (`cargo xtask bench`): the page's scripts are loaded.
performance.mark("portal-desk:js-started");
init();
