//! A small HTTP/1.1 client over `std::net::TcpStream`, for the tests and
//! the load benchmark of `subsidy serve`: one request per connection.

#![allow(dead_code)]

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

pub struct Reply {
    pub status: u16,
    /// The header lines, lower-cased.
    pub headers: String,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = format!("{}:", name.to_ascii_lowercase());
        self.headers
            .lines()
            .find(|l| l.starts_with(&name))
            .map(|l| l[name.len()..].trim())
    }

    /// The `data-value` of the element with this id.
    pub fn value(&self, id: &str) -> Option<String> {
        data_value(&self.body, id)
    }
}

/// The `data-value` of the element with this id in an HTML text.
pub fn data_value(html: &str, id: &str) -> Option<String> {
    let at = html.find(&format!("id=\"{id}\""))?;
    let rest = &html[at..];
    let start = rest.find("data-value=\"")? + "data-value=\"".len();
    let end = rest[start..].find('"')?;
    Some(rest[start..start + end].to_string())
}

/// Sends `head` (without the final blank line) and `body`; the reply.
pub fn send(address: SocketAddr, head: &str, body: &[u8]) -> io::Result<Reply> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(30))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    stream.set_write_timeout(Some(Duration::from_secs(60)))?;
    stream
        .write_all(format!("{head}\r\nHost: {address}\r\nConnection: close\r\n\r\n").as_bytes())?;
    // The server may answer (413) before reading a large body.
    let _ = stream.write_all(body);
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "no status line"))?;
    Ok(Reply {
        status,
        headers: lines
            .map(|l| l.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join("\n"),
        body: body.to_string(),
    })
}

pub fn get(address: SocketAddr, path: &str) -> io::Result<Reply> {
    send(address, &format!("GET {path} HTTP/1.1"), b"")
}

pub fn post(address: SocketAddr, path: &str, body: &[u8]) -> io::Result<Reply> {
    let head = format!(
        "POST {path} HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}",
        body.len()
    );
    send(address, &head, body)
}

/// A query value, percent-encoded.
pub fn enc(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}
