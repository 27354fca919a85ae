//! The agreement check (filled in below).
