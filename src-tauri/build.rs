fn main() {
    // The config and the capabilities sit outside the default places because the
    // root Cargo.toml is also the app package (see TOOLCHAIN.md / ARCHITECTURE.md).
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(portal_ipc::COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
