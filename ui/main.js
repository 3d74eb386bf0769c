// Loads the Yew app that `cargo xtask ui` built with wasm-bindgen.
import init from "./portal_ui.js";
init();
