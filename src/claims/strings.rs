//! A set of strings kept in one buffer, each stored once and known by a
//! number. A million claims repeat the same few thousand applicants; their
//! ids and names are stored once, and references are compared by number.

use std::hash::{BuildHasher, BuildHasherDefault};

use hashbrown::HashTable;
use rustc_hash::FxHasher;

#[derive(Default)]
pub struct Strings {
    text: String,
    spans: Vec<(u32, u32)>,
    /// Each string's hash, by number: growing the table rehashes from
    /// here rather than reading every string again (a million references
    /// are scattered over a hundred megabytes).
    hashes: Vec<u64>,
    table: HashTable<u32>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Strings({} distinct)", self.spans.len())
    }
}

fn hash(s: &str) -> u64 {
    BuildHasherDefault::<FxHasher>::default().hash_one(s)
}

impl Strings {
    pub fn get(&self, id: u32) -> &str {
        let (start, len) = self.spans[id as usize];
        &self.text[start as usize..(start + len) as usize]
    }

    /// The number of `s`, storing it the first time it is seen.
    pub fn intern(&mut self, s: &str) -> u32 {
        let h = hash(s);
        let Strings {
            text,
            spans,
            hashes,
            table,
        } = self;
        let same = |id: u32| {
            let (start, len) = spans[id as usize];
            hashes[id as usize] == h && &text[start as usize..(start + len) as usize] == s
        };
        if let Some(id) = table.find(h, |&id| same(id)) {
            return *id;
        }
        let id = spans.len() as u32;
        spans.push((text.len() as u32, s.len() as u32));
        hashes.push(h);
        text.push_str(s);
        let hashes = &*hashes;
        table.insert_unique(h, id, |&id| hashes[id as usize]);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_string_is_kept_once_under_one_number() {
        let mut set = Strings::default();
        let a = set.intern("连州市华创科技有限公司");
        let b = set.intern("ZL2024");
        assert_eq!(set.intern("连州市华创科技有限公司"), a);
        assert_ne!(a, b);
        assert_eq!(set.get(b), "ZL2024");
        assert_eq!(set.intern(""), 2);
        assert_eq!(set.get(2), "");
        for i in 0..10_000 {
            set.intern(&format!("K{i}"));
        }
        assert_eq!(set.spans.len(), 10_003);
        let k = set.intern("K9999");
        assert_eq!(set.get(k), "K9999");
        assert_eq!(k, 3 + 9999);
    }
}
