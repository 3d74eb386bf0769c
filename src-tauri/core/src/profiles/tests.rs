use std::path::Path;

use super::*;

fn profiles(dir: &Path) -> Profiles {
    let data_dir = DataDir::resolve(Some(dir.join("data"))).expect("explicit dir");
    Profiles::new(data_dir, Arc::new(Keychain::in_memory()))
}

#[test]
fn a_key_given_as_a_profile_name_is_refused_without_being_repeated() {
    for pasted in [
        "sk_test_51FakeKeyForTests0000abcd",
        "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
        "sk_test_short",
        "  sk_test_padded  ",
        "pk_test_51FakeKeyForTests0000abcd",
        "whsec_FakeSecret0000abcd",
    ] {
        let error = ProfileName::parse(pasted).expect_err("a key is no profile name");
        let message = error.to_string();
        assert!(
            ["sk_", "rk_", "pk_", "whsec_", "Fake"]
                .iter()
                .all(|part| !message.contains(part)),
            "nothing of the key is repeated: {message}"
        );
        assert!(
            matches!(error, ProfileError::NameLooksLikeKey),
            "{pasted}: {error:?}"
        );
    }
    assert!(
        ProfileName::parse("desk_ops").is_ok(),
        "an ordinary name with _"
    );
}

#[test]
fn profile_names_follow_the_rule() {
    for good in ["default", "test", "live", "acme-eu_2"] {
        assert!(ProfileName::parse(good).is_ok(), "{good}");
    }
    for bad in ["", "with space", "../etc", "ünïcode", &"x".repeat(41)] {
        assert!(ProfileName::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn save_key_records_the_profile_without_the_key() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("default")?;
    let info = profiles.save_key(&name, " sk_test_51FakeKeyForTests0000abcd\n", None)?;
    assert_eq!((info.mode, info.last4.as_str()), (Mode::Test, "abcd"));
    assert_eq!(profiles.names()?, vec!["default".to_string()]);

    let registry = std::fs::read_to_string(tmp.path().join("data/profiles.json"))?;
    assert!(
        !registry.contains("FakeKeyForTests"),
        "the key must stay out of files"
    );
    Ok(())
}

#[test]
fn clearing_the_cache_keeps_keys_and_settings_and_the_next_open_starts_empty() -> anyhow::Result<()>
{
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("default")?;
    profiles.save_key(&name, "sk_test_51FakeKeyForTests0000abcd", None)?;
    profiles.update_settings(&name, |s| s.sync_interval_minutes = 5)?;
    let mut cache = profiles.open_cache(&name)?;
    cache.write(|tx| crate::cache::sync_state::set(tx, "probe", 1))?;
    drop(cache);
    let pdfs = tmp.path().join("data/invoices-default");
    std::fs::create_dir_all(&pdfs)?;
    std::fs::write(pdfs.join("in_1.pdf"), b"%PDF-1.4 12345")?;
    let (cache_bytes, pdf_bytes) = profiles.cache_size(&name);
    assert!(cache_bytes > 0);
    assert_eq!(pdf_bytes, 14);

    profiles.clear_cache(&name)?;
    assert_eq!(profiles.cache_size(&name), (0, 0));
    assert!(profiles.key(&name)?.is_some(), "the key stays");
    assert_eq!(profiles.settings(&name)?.sync_interval_minutes, 5);
    let cache = profiles.open_cache(&name)?;
    assert_eq!(crate::sync::last_synced(&cache)?, None, "a fresh cache");
    profiles.clear_cache(&ProfileName::parse("never-used")?)?;
    Ok(())
}

#[test]
fn smtp_is_checked_and_its_password_kept_only_with_a_login() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("default")?;
    let server = |username: Option<&str>, from: &str| crate::mail::SmtpSettings {
        host: "smtp.coffee.example".into(),
        port: 587,
        tls: crate::mail::TlsMode::Starttls,
        username: username.map(str::to_owned),
        from: from.into(),
    };
    assert!(
        profiles
            .set_smtp(&name, server(None, "not an address"), None)
            .is_err()
    );
    assert_eq!(profiles.settings(&name)?.smtp, None, "nothing saved");

    profiles.set_smtp(
        &name,
        server(Some("me"), "billing@coffee.example"),
        Some("pw"),
    )?;
    assert!(profiles.has_smtp_password(&name)?);
    // Saving again without a password keeps the saved one.
    profiles.set_smtp(&name, server(Some("me"), "billing@coffee.example"), None)?;
    assert!(profiles.has_smtp_password(&name)?);
    let registry = std::fs::read_to_string(tmp.path().join("data/profiles.json"))?;
    assert!(
        !registry.contains("\"pw\""),
        "the password stays out of files"
    );
    profiles.set_smtp(&name, server(None, "billing@coffee.example"), None)?;
    assert!(!profiles.has_smtp_password(&name)?, "no login, no password");
    profiles.forget_smtp(&name)?;
    assert_eq!(profiles.settings(&name)?.smtp, None);
    Ok(())
}

#[test]
fn a_changed_smtp_server_never_gets_the_old_password() -> anyhow::Result<()> {
    use crate::mail::{SmtpSettings, TlsMode};
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("default")?;
    let typed = SmtpSettings {
        host: "smtp.gmial.com".into(),
        port: 587,
        tls: TlsMode::Starttls,
        username: Some("me@coffee.example".into()),
        from: "billing@coffee.example".into(),
    };
    type Change = fn(&mut SmtpSettings);
    let changes: [(&str, Change); 4] = [
        ("host", |s| s.host = "smtp.gmail.com".into()),
        ("port", |s| s.port = 465),
        ("login", |s| {
            s.username = Some("other@coffee.example".into())
        }),
        ("security", |s| s.tls = TlsMode::Tls),
    ];
    for (what, change) in changes {
        profiles.set_smtp(&name, typed.clone(), Some("pw"))?;
        let kept = profiles.set_smtp(
            &name,
            SmtpSettings {
                from: "hello@coffee.example".into(),
                ..typed.clone()
            },
            None,
        )?;
        assert!(!kept.password_removed, "only the sender changed ({what})");
        assert!(profiles.has_smtp_password(&name)?, "same server ({what})");

        let mut moved = typed.clone();
        change(&mut moved);
        let saved = profiles.set_smtp(&name, moved.clone(), None)?;
        assert!(saved.password_removed, "a new {what} without a password");
        assert!(
            !profiles.has_smtp_password(&name)?,
            "the old password must not follow a new {what}"
        );
        assert_eq!(
            profiles.settings(&name)?.smtp,
            Some(moved),
            "saved all the same"
        );

        profiles.set_smtp(&name, typed.clone(), Some("pw"))?;
        let mut moved = typed.clone();
        change(&mut moved);
        let with_new = profiles.set_smtp(&name, moved, Some("pw2"))?;
        assert!(
            !with_new.password_removed,
            "a new password came along ({what})"
        );
        assert!(profiles.has_smtp_password(&name)?);
    }
    Ok(())
}

#[test]
fn a_rejected_key_leaves_nothing_behind() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("default")?;
    assert!(
        profiles
            .save_key(&name, "pk_test_51FakeKey0000abcd", None)
            .is_err()
    );
    assert!(profiles.key_info(&name)?.is_none(), "no key stored");
    assert!(!tmp.path().join("data").exists(), "no data folder created");
    Ok(())
}

#[test]
fn forget_removes_key_and_record() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("live")?;
    profiles.save_key(
        &name,
        "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
        None,
    )?;
    assert!(profiles.forget_key(&name)?, "a key was there");
    assert!(profiles.key_info(&name)?.is_none());
    assert!(profiles.names()?.is_empty());
    assert!(!profiles.forget_key(&name)?, "nothing left to forget");
    Ok(())
}

#[test]
fn a_live_key_is_refused_with_a_sandbox_base() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    let name = ProfileName::parse("demo")?;
    let base = ApiBase::parse("http://127.0.0.1:12111")?;
    let error = profiles
        .save_key(
            &name,
            "rk_live_51FakeKeyForTests0000abcdefghijklmnopqrstuvwxyz0123456789",
            Some(&base),
        )
        .expect_err("refused");
    assert!(error.to_string().contains("live-mode key"), "{error}");
    assert!(profiles.key_info(&name)?.is_none(), "nothing stored");
    profiles.save_key(&name, "sk_test_51FakeKeyForTests0000wxyz", Some(&base))?;
    Ok(())
}

#[cfg(unix)]
#[test]
fn data_files_are_private() -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir()?;
    let profiles = profiles(tmp.path());
    profiles.save_key(
        &ProfileName::parse("default")?,
        "sk_test_51FakeKeyForTests0000abcd",
        None,
    )?;
    let dir_mode = std::fs::metadata(tmp.path().join("data"))?
        .permissions()
        .mode()
        & 0o777;
    let file_mode = std::fs::metadata(tmp.path().join("data/profiles.json"))?
        .permissions()
        .mode()
        & 0o777;
    assert_eq!((dir_mode, file_mode), (0o700, 0o600));
    Ok(())
}
