//! Minimal disclosure: identity numbers, phone numbers and e-mail addresses masked in values,
//! and pseudonyms for ids that identify a person.

use sha2::{Digest, Sha256};

use crate::data;
use crate::error::{Error, Result};

/// A worker's value as it may be printed: identity numbers, phone numbers and e-mail addresses,
/// alone or inside free text, by their shape only (minimal disclosure, even in the worker's own
/// explanation, which may be forwarded). Names and street addresses are not detected.
pub fn disclose(v: &str) -> String {
    static PATTERN: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"[0-9+(][0-9 ()+\-]{9,}[0-9Xx]|[^\s@,;]+@[^\s@,;]+").ok()
    });
    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).count();
    match PATTERN.as_ref() {
        Some(re) => re
            .replace_all(v, |c: &regex::Captures<'_>| {
                let t = &c[0];
                if t.contains('@') || digits(t) >= 11 {
                    crate::screen::content::mask(t)
                } else {
                    t.to_string()
                }
            })
            .into_owned(),
        None => crate::screen::content::mask(v),
    }
}

/// Whether the ids must be replaced by pseudonyms: anything but plain employee numbers (a few
/// letters and at most 10 digits, e.g. `W0000001`, `E-1234`) or row numbers, such as an
/// 18-character resident ID number, a phone number, an e-mail address or a name.
pub fn needs_pseudonyms(ids: &[String]) -> bool {
    let plain = |id: &str| {
        if let Some(n) = id.strip_prefix("row ") {
            return n.chars().all(|c| c.is_ascii_digit());
        }
        let letters = id.chars().take_while(char::is_ascii_alphabetic).count();
        let rest = id[letters..].trim_start_matches(['-', '_']);
        letters <= 6
            && !rest.is_empty()
            && rest.len() <= 10
            && rest.chars().all(|c| c.is_ascii_digit())
    };
    ids.iter()
        .any(|id| !plain(id) || crate::screen::content::is_cn_resident_id(id))
}

/// The pseudonym key: SHA-256 of `CANDOR_ID_KEY` when set (stable pseudonyms across files),
/// else of the data file's bytes under a fixed prefix. Whoever holds the data file (the
/// employer, the review body) can recompute the pseudonyms; nobody else can, because the
/// published data hash is a different hash of the file.
pub(super) fn id_key(path: &std::path::Path) -> Result<[u8; 32]> {
    let mut h = Sha256::new();
    h.update(b"candor id key v1\0");
    match std::env::var("CANDOR_ID_KEY") {
        Ok(k) if !k.is_empty() => h.update(k.as_bytes()),
        _ => {
            let bytes = std::fs::read(path).map_err(|e| Error::Read {
                path: path.to_path_buf(),
                reason: e.to_string(),
                hint: None,
            })?;
            h.update(&bytes);
        }
    }
    Ok(h.finalize().into())
}

/// `P-` and the first 16 hex digits of SHA-256(key, 0, id): a keyed hash of the id.
pub fn pseudonym(key: &[u8; 32], id: &str) -> String {
    let mut h = Sha256::new();
    h.update(key);
    h.update([0u8]);
    h.update(id.as_bytes());
    format!("P-{}", &data::hex(&h.finalize())[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_numbers_are_masked_even_inside_text() {
        assert_eq!(disclose("13912340000"), "###########");
        assert_eq!(
            disclose("tel 139-1234-0000, id 11010519900101001X, a@b.cn; 3 days"),
            "tel ###-####-####, id #################*, *@*.**; 3 days"
        );
        assert_eq!(disclose("106.8"), "106.8");
        assert_eq!(disclose("2026-11-10 03:27:16"), "2026-11-10 03:27:16");
    }

    #[test]
    fn person_identifying_ids_get_pseudonyms() {
        let plain: Vec<String> = ["W0000001", "E-1234", "row 7", "42"]
            .map(String::from)
            .to_vec();
        assert!(!needs_pseudonyms(&plain));
        for bad in [
            "11010519900101001X",
            "13800138000",
            "a@b.cn",
            "Zhang Wei",
            "张伟",
        ] {
            let mut ids = plain.clone();
            ids.push(bad.to_string());
            assert!(needs_pseudonyms(&ids), "{bad}");
        }
        let key = [7u8; 32];
        let p = pseudonym(&key, "11010519900101001X");
        assert_eq!(p.len(), 18);
        assert!(p.starts_with("P-"));
        assert_eq!(p, pseudonym(&key, "11010519900101001X"), "deterministic");
        assert_ne!(p, pseudonym(&[8u8; 32], "11010519900101001X"), "keyed");
    }
}
