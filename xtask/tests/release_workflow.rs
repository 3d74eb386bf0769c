//! `.github/workflows/release.yml` can't run here (no GitHub runners), so this
//! checks what can be checked: it is YAML, has the jobs README.md names on the
//! runners it names, runs the test stages on each OS, and says it is untested.

use std::path::Path;

use yaml_rust2::{Yaml, YamlLoader};

fn workflow() -> (String, Yaml) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.github/workflows/release.yml");
    let text = std::fs::read_to_string(&path).expect("the release workflow");
    let mut documents = YamlLoader::load_from_str(&text).expect("valid YAML");
    assert_eq!(documents.len(), 1);
    (text, documents.remove(0))
}

fn text_of(yaml: &Yaml) -> String {
    let mut out = String::new();
    yaml_rust2::YamlEmitter::new(&mut out)
        .dump(yaml)
        .expect("emits");
    out
}

#[test]
fn the_release_workflow_builds_on_each_os_after_the_checks() {
    let (text, workflow) = workflow();
    assert!(
        text.contains("UNTESTED: this workflow has never run"),
        "it says it is untested"
    );
    let jobs = &workflow["jobs"];
    for (job, runner, bundles) in [
        (
            "macos",
            "macos-latest",
            "--target universal-apple-darwin --bundles app,dmg",
        ),
        ("windows", "windows-latest", "--bundles msi,nsis"),
        ("linux", "ubuntu-22.04", "--bundles deb"),
    ] {
        let spec = &jobs[job];
        assert_eq!(spec["runs-on"].as_str(), Some(runner), "{job}");
        assert_eq!(spec["needs"].as_str(), Some("check"), "{job}");
        let steps = text_of(&spec["steps"]);
        assert!(
            steps.contains("tauri-apps/tauri-action@v0"),
            "{job}: {steps}"
        );
        assert!(steps.contains(bundles), "{job}: {steps}");
    }
    let check = &jobs["check"];
    let oses: Vec<&str> = check["strategy"]["matrix"]["os"]
        .as_vec()
        .expect("an OS matrix")
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(oses, ["macos-latest", "windows-latest", "ubuntu-22.04"]);
    assert!(
        text_of(&check["steps"])
            .contains("cargo xtask test --stage fmt --stage clippy --stage unit"),
        "fmt, clippy and unit on each OS"
    );
}
