//! Cross products accumulated over blocks of rows, and penalised solves by Cholesky.

use nalgebra::{Cholesky, DMatrix, DVector, Dyn};
use ndarray::{Array2, linalg::general_mat_mul};

/// Rows per block when accumulating cross products.
const BLOCK: usize = 2048;

/// Cross products of one fold: `X'WX`, `X'Wy`, `y'Wy`, rows.
pub(super) struct Gram {
    pub(super) g: Array2<f64>,
    pub(super) b: Vec<f64>,
    pub(super) yy: f64,
    pub(super) n: f64,
    buf: Array2<f64>,
    wbuf: Array2<f64>,
    ybuf: Vec<f64>,
    filled: usize,
}

impl Gram {
    pub(super) fn new(p: usize) -> Self {
        Gram {
            g: Array2::zeros((p, p)),
            b: vec![0.0; p],
            yy: 0.0,
            n: 0.0,
            buf: Array2::zeros((BLOCK, p)),
            wbuf: Array2::zeros((BLOCK, p)),
            ybuf: vec![0.0; BLOCK],
            filled: 0,
        }
    }

    pub(super) fn push(&mut self, row: &[f64], y: f64, w: f64) {
        let r = self.filled;
        for (c, &x) in row.iter().enumerate() {
            self.buf[[r, c]] = x;
            self.wbuf[[r, c]] = x * w;
        }
        self.ybuf[r] = y;
        for (bc, &x) in self.b.iter_mut().zip(row) {
            *bc += w * x * y;
        }
        self.yy += w * y * y;
        self.n += 1.0;
        self.filled += 1;
        if self.filled == BLOCK {
            self.flush();
        }
    }

    pub(super) fn flush(&mut self) {
        if self.filled == 0 {
            return;
        }
        let k = self.filled;
        let x = self.buf.slice(ndarray::s![..k, ..]);
        let wx = self.wbuf.slice(ndarray::s![..k, ..]);
        general_mat_mul(1.0, &x.t(), &wx, 1.0, &mut self.g);
        self.filled = 0;
    }
}

/// The Cholesky factor of `G + D`, raising the diagonal a little if needed.
pub(super) fn factor(g: &Array2<f64>, diag: &[f64]) -> Option<Cholesky<f64, Dyn>> {
    let p = diag.len();
    let mut m = DMatrix::<f64>::zeros(p, p);
    for i in 0..p {
        for j in 0..p {
            m[(i, j)] = g[[i, j]];
        }
        m[(i, i)] += diag[i];
    }
    let scale = (0..p)
        .map(|i| m[(i, i)].abs())
        .fold(0.0, f64::max)
        .max(1e-12);
    let mut extra = 0.0;
    for _ in 0..8 {
        let mut mm = m.clone();
        for i in 0..p {
            mm[(i, i)] += extra;
        }
        if let Some(ch) = mm.cholesky()
            && ch.l_dirty().iter().all(|v| v.is_finite())
        {
            return Some(ch);
        }
        extra = if extra == 0.0 {
            1e-10 * scale
        } else {
            extra * 100.0
        };
    }
    None
}

/// Solves `(G + D) beta = b` by Cholesky, raising the diagonal a little if needed.
pub(super) fn solve(g: &Array2<f64>, b: &[f64], diag: &[f64]) -> Option<Vec<f64>> {
    let ch = factor(g, diag)?;
    let x = ch.solve(&DVector::from_column_slice(b));
    x.iter()
        .all(|v| v.is_finite())
        .then(|| x.iter().copied().collect())
}

/// `y'y - 2 beta'b + beta'G beta`: the residual sum of squares from cross products.
pub(super) fn rss(g: &Array2<f64>, b: &[f64], yy: f64, beta: &[f64]) -> f64 {
    let p = beta.len();
    let mut q = 0.0;
    for i in 0..p {
        let mut s = 0.0;
        for j in 0..p {
            s += g[[i, j]] * beta[j];
        }
        q += beta[i] * s;
    }
    let bb: f64 = beta.iter().zip(b).map(|(x, y)| x * y).sum();
    (yy - 2.0 * bb + q).max(0.0)
}

pub(super) fn sub(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    a - b
}
