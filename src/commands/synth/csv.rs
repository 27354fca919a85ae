//! Output buffer and field formatting.

use std::io::{self, Write};

pub(super) struct CsvOut<W: Write> {
    pub(super) w: W,
    pub(super) buf: Vec<u8>,
}

pub(super) const FLUSH_AT: usize = 1 << 16;

impl<W: Write> CsvOut<W> {
    pub(super) fn new(w: W) -> Self {
        CsvOut {
            w,
            buf: Vec::with_capacity(FLUSH_AT + 1024),
        }
    }

    pub(super) fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    pub(super) fn finish(mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        self.w.flush()
    }
}

/// A text field, quoted (RFC 4180) when it holds a comma, quote or line break.
pub(super) fn push_text(buf: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        buf.push(b'"');
        for b in s.bytes() {
            if b == b'"' {
                buf.push(b'"');
            }
            buf.push(b);
        }
        buf.push(b'"');
    } else {
        // Category values are a few bytes long: pushing them beats a `memcpy` call.
        for b in s.bytes() {
            buf.push(b);
        }
    }
}

pub(super) fn push_u64(buf: &mut Vec<u8>, n: u64) {
    push_padded(buf, n, 1);
}

/// `n` in decimal with at least `width` digits (zero-padded).
pub(super) fn push_padded(buf: &mut Vec<u8>, mut n: u64, width: usize) {
    // Digits are pushed last-first and then reversed in place: short values are the common
    // case, and byte pushes are cheaper than a `memcpy` call for each of them.
    let start = buf.len();
    let mut digits = 0;
    loop {
        buf.push(b'0' + (n % 10) as u8);
        n /= 10;
        digits += 1;
        if n == 0 && digits >= width {
            break;
        }
    }
    buf[start..].reverse();
}

/// A fixed-point number: `v` counts units of 10^-decimals.
pub(super) fn push_fixed(buf: &mut Vec<u8>, v: i64, decimals: i32) {
    if v < 0 {
        buf.push(b'-');
    }
    let a = v.unsigned_abs();
    let scale = [1, 10, 100, 1000][decimals as usize];
    push_u64(buf, a / scale);
    if decimals > 0 {
        buf.push(b'.');
        push_padded(buf, a % scale, decimals as usize);
    }
}

pub(super) fn push_bit(buf: &mut Vec<u8>, b: bool) {
    buf.push(if b { b'1' } else { b'0' });
}
