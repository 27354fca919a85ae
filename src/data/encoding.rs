//! Bytes before polars sees them: hashing, UTF-8 validation with a precise error, and decoding
//! of other encodings (GBK, GB18030, Big5, ...) through `encoding_rs`.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

const CHUNK: usize = 1 << 20;

fn open(path: &Path) -> Result<File> {
    crate::inputs::check_regular(path, "give the path of the table itself")?;
    File::open(path).map_err(|e| {
        let hint = match e.kind() {
            std::io::ErrorKind::NotFound => Some(
                "check the path; relative paths in a spec file are relative to the spec's folder"
                    .into(),
            ),
            std::io::ErrorKind::PermissionDenied => Some("check the file's permissions".into()),
            _ => None,
        };
        Error::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
            hint,
        }
    })
}

fn read_err(path: &Path, e: std::io::Error) -> Error {
    Error::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
        hint: None,
    }
}

/// SHA-256 (hex) and size of a file.
pub fn hash_file(path: &Path) -> Result<(String, u64)> {
    if path.is_dir() {
        return Err(Error::Read {
            path: path.to_path_buf(),
            reason: "it is a folder, not a file".into(),
            hint: Some("give the path of the table itself".into()),
        });
    }
    let mut r = BufReader::with_capacity(CHUNK, open(path)?);
    let mut h = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = r.read(&mut buf).map_err(|e| read_err(path, e))?;
        if n == 0 {
            break;
        }
        total += n as u64;
        h.update(&buf[..n]);
    }
    Ok((hex(&h.finalize()), total))
}

/// Lower-case hex of bytes.
/// The SHA-256 of `bytes`, in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A decoded copy of a file, deleted when dropped.
pub struct TempCopy(PathBuf);

impl TempCopy {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn temp_path() -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("candor-{}-{n}.csv", std::process::id()))
}

/// Line (1-based) and byte offset of `offset` in the file.
fn line_of(path: &Path, offset: u64) -> Result<u64> {
    let mut r = BufReader::with_capacity(CHUNK, open(path)?);
    let mut buf = vec![0u8; CHUNK];
    let mut seen = 0u64;
    let mut lines = 1u64;
    while seen < offset {
        let n = r.read(&mut buf).map_err(|e| read_err(path, e))?;
        if n == 0 {
            break;
        }
        let take = ((offset - seen) as usize).min(n);
        lines += buf[..take].iter().filter(|&&b| b == b'\n').count() as u64;
        seen += n as u64;
    }
    Ok(lines)
}

fn invalid_bytes(path: &Path, encoding: &str, offset: u64, bytes: &[u8]) -> Result<Error> {
    let line = line_of(path, offset)?;
    let shown: Vec<String> = bytes.iter().take(4).map(|b| format!("0x{b:02X}")).collect();
    if shown.is_empty() {
        return Ok(Error::data(
            path,
            format!("line {line}, byte offset {offset}: the file ends inside a {encoding} character"),
            Some("the file is cut short (a UTF-16 file has an even number of bytes): export it again".into()),
        ));
    }
    let hint = if encoding.eq_ignore_ascii_case("utf-8") {
        "the file is not UTF-8; files saved by Chinese spreadsheets are often GBK: try --encoding gbk (or gb18030)"
    } else {
        "check the encoding given with --encoding; the file may be damaged or in another encoding"
    };
    Ok(Error::data(
        path,
        format!(
            "line {line}, byte offset {offset}: bytes {} are not valid {encoding}",
            shown.join(" ")
        ),
        Some(hint.into()),
    ))
}

/// The encoding a UTF-16 byte-order mark names (a UTF-8 mark is left to the UTF-8 path).
fn sniff_bom(path: &Path) -> Result<Option<&'static encoding_rs::Encoding>> {
    let mut head = [0u8; 2];
    let mut f = open(path)?;
    let n = f.read(&mut head).map_err(|e| read_err(path, e))?;
    Ok(match &head[..n] {
        [0xFF, 0xFE] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF] => Some(encoding_rs::UTF_16BE),
        _ => None,
    })
}

/// Checks a CSV's encoding. UTF-8 files are validated in place (None is returned); files in
/// another encoding are decoded into a temporary UTF-8 copy.
pub fn prepare_csv(path: &Path, encoding: &str) -> Result<Option<TempCopy>> {
    let declared =
        encoding_rs::Encoding::for_label(encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    // A byte-order mark names the encoding whatever was declared: spreadsheets save "Unicode
    // text" as UTF-16 with a BOM.
    let enc = match sniff_bom(path)? {
        Some(bom) => bom,
        None => declared,
    };
    let mut r = BufReader::with_capacity(CHUNK, open(path)?);
    let mut buf = vec![0u8; CHUNK];
    if enc == encoding_rs::UTF_8 {
        // Validate chunk by chunk, carrying an incomplete trailing sequence over.
        let mut carry: Vec<u8> = Vec::new();
        let mut base = 0u64; // file offset of carry[0] / chunk start
        loop {
            let n = r.read(&mut buf).map_err(|e| read_err(path, e))?;
            let eof = n == 0;
            carry.extend_from_slice(&buf[..n]);
            match std::str::from_utf8(&carry) {
                Ok(_) => {
                    base += carry.len() as u64;
                    carry.clear();
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    if e.error_len().is_some() || eof {
                        let off = base + good as u64;
                        return Err(invalid_bytes(path, "UTF-8", off, &carry[good..])?);
                    }
                    base += good as u64;
                    carry.drain(..good);
                }
            }
            if eof {
                return Ok(None);
            }
        }
    }
    let out = TempCopy(temp_path());
    let file = File::create(out.path()).map_err(|e| Error::Write {
        path: out.path().to_path_buf(),
        reason: e.to_string(),
        hint: Some("Candor decodes non-UTF-8 files into the temporary folder (TMPDIR)".into()),
    })?;
    let mut w = BufWriter::new(file);
    let mut decoder = enc.new_decoder_with_bom_removal();
    let mut text = String::with_capacity(CHUNK * 3);
    let mut offset = 0u64;
    loop {
        let n = r.read(&mut buf).map_err(|e| read_err(path, e))?;
        let last = n == 0;
        let mut input = &buf[..n];
        loop {
            text.clear();
            let (res, read) = decoder.decode_to_string_without_replacement(input, &mut text, last);
            w.write_all(text.as_bytes())
                .map_err(|e| read_err(out.path(), e))?;
            match res {
                encoding_rs::DecoderResult::InputEmpty => {
                    offset += read as u64;
                    break;
                }
                encoding_rs::DecoderResult::OutputFull => {
                    offset += read as u64;
                    input = &input[read..];
                    text.reserve(CHUNK);
                }
                encoding_rs::DecoderResult::Malformed(bad, after) => {
                    // The malformed sequence ends `after` bytes before `read`.
                    // At the end of the input the bad bytes may have been buffered by the
                    // decoder from an earlier chunk (a lone trailing byte of UTF-16): then
                    // they are not in `input` and only their offset is shown.
                    let end = (offset + read as u64).saturating_sub(after as u64);
                    let start = end.saturating_sub(bad as u64);
                    let shown = read
                        .checked_sub(after as usize + bad as usize)
                        .and_then(|at| input.get(at..at + bad as usize))
                        .unwrap_or(&[]);
                    return Err(invalid_bytes(path, enc.name(), start, shown)?);
                }
            }
        }
        if last {
            break;
        }
    }
    w.flush().map_err(|e| read_err(out.path(), e))?;
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, bytes: &[u8]) -> PathBuf {
        let p = std::env::temp_dir().join(format!("candor-enc-test-{}-{name}", std::process::id()));
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn utf8_error_names_line_and_offset() {
        let p = write("bad.csv", b"a,b\n1,2\n3,\xff\n");
        let e = prepare_csv(&p, "utf-8").err().unwrap();
        let m = e.to_string();
        assert!(m.contains("line 3, byte offset 10"), "{m}");
        assert!(m.contains("0xFF"), "{m}");
        assert!(e.hint().unwrap_or_default().contains("gbk"));
    }

    #[test]
    fn gbk_decodes() {
        let (bytes, _, _) = encoding_rs::GBK.encode("病假天数,性别\n3,女\n");
        let p = write("gbk.csv", &bytes);
        let copy = prepare_csv(&p, "GBK").unwrap().unwrap();
        let text = std::fs::read_to_string(copy.path()).unwrap();
        assert_eq!(text, "病假天数,性别\n3,女\n");
    }

    #[test]
    fn gbk_invalid_names_offset() {
        // 0x81 0x20: a lead byte followed by an invalid trail byte.
        let p = write("gbkbad.csv", b"a,b\n1,\x81\x20\n");
        let e = prepare_csv(&p, "GBK").err().unwrap();
        assert!(e.to_string().contains("line 2, byte offset 6"), "{e}");
    }

    #[test]
    fn sha256_of_known_bytes() {
        let p = write("abc.txt", b"abc");
        let (h, n) = hash_file(&p).unwrap();
        // FIPS 180-2 test vector for "abc".
        assert_eq!(
            h,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(n, 3);
    }
}
