//! `subsidy serve`: the dry run of one claim as a web page for applicants
//! (issue 10). The page calls `dryrun::answer`, the function `check`
//! calls, and shows its outcome, reason and derivation. Nothing typed is
//! stored or logged; bodies over 16 KB are refused; every response carries
//! a Content-Security-Policy that allows nothing inline and nothing from
//! elsewhere.

mod catalogue;
mod check;
mod derivation;
pub mod form;
pub mod html;

use std::io::{self, Write as _};
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Form as Posted, Router};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpSocket;
use tokio::sync::Semaphore;

use crate::cli::ServeArgs;
use crate::policy::Policy;
use crate::words::{Lang, PageWord};
use form::Form;

/// The largest request body (and query string) read: 16 KB.
pub const LIMIT: usize = 16 * 1024;

/// Scripts, styles and everything else from this server only; no inline
/// script or style, no frames, forms sent only here.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const APP_JS: &str = include_str!("app.js");
const APP_CSS: &str = include_str!("app.css");

type Shared = Arc<Policy>;
type Pairs = Vec<(String, String)>;

/// How long the server waits on a client. A test passes shorter ones so
/// that it need not wait out the real server's ten seconds.
#[derive(Clone, Copy, Debug)]
pub struct Patience {
    /// A client has this long to send a request's head.
    pub head: Duration,
    /// A client has this long to send a request's body, once its head is in.
    pub body: Duration,
    /// A connection (with all its keep-alive requests) lasts at most this long.
    pub connection: Duration,
}

impl Default for Patience {
    fn default() -> Self {
        Patience {
            head: Duration::from_secs(10),
            body: Duration::from_secs(10),
            connection: Duration::from_secs(60),
        }
    }
}

/// Every route of the page, with the limits and headers.
pub fn router(policy: Policy) -> Router {
    router_with(policy, Patience::default())
}

/// `router`, waiting on clients as `patience` says.
pub fn router_with(policy: Policy, patience: Patience) -> Router {
    let policy: Shared = Arc::new(policy);
    Router::new()
        .route("/", get(check_get).post(check_post))
        .route("/catalogue", get(catalogue_get))
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/app.css",
            get(|| async { asset("text/css; charset=utf-8", APP_CSS) }),
        )
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(LIMIT))
        .layer(middleware::from_fn_with_state(
            (policy.clone(), patience.body),
            body_in_time,
        ))
        .layer(middleware::from_fn_with_state(policy.clone(), refuse_large))
        .layer(middleware::map_response(secure))
        .with_state(policy)
}

fn asset(kind: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        text,
    )
        .into_response()
}

/// The headers of every response.
async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// A request whose declared body or query string is over the limit is
/// refused before any handler reads it.
async fn refuse_large(State(policy): State<Shared>, request: Request, next: Next) -> Response {
    let body = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(0);
    let query = request.uri().query().map_or(0, str::len);
    if body > LIMIT as u64 {
        return refuse(
            &policy,
            StatusCode::PAYLOAD_TOO_LARGE,
            Lang::default(),
            PageWord::TooLarge,
        );
    }
    if query > LIMIT {
        return refuse(
            &policy,
            StatusCode::URI_TOO_LONG,
            Lang::default(),
            PageWord::TooLarge,
        );
    }
    next.run(request).await
}

/// The body is read whole, within `Patience::body`, before any handler sees
/// the request: a client that sends its body a byte at a time (or never)
/// is answered 408 and lets its connection go, instead of holding it for
/// the connection's whole minute.
async fn body_in_time(
    State((policy, wait)): State<(Shared, Duration)>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    match tokio::time::timeout(wait, axum::body::to_bytes(body, LIMIT)).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
                .await
        }
        Ok(Err(_)) => refuse(
            &policy,
            StatusCode::PAYLOAD_TOO_LARGE,
            Lang::default(),
            PageWord::TooLarge,
        ),
        Err(_) => {
            let mut response = refuse(
                &policy,
                StatusCode::REQUEST_TIMEOUT,
                Lang::default(),
                PageWord::BadRequest,
            );
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
    }
}

fn refuse(policy: &Policy, status: StatusCode, lang: Lang, word: PageWord) -> Response {
    (status, Html(html::message(policy, lang, word))).into_response()
}

async fn check_get(
    State(policy): State<Shared>,
    query: Result<Query<Pairs>, QueryRejection>,
) -> Response {
    match query {
        Ok(Query(pairs)) => Html(check::render(&policy, &Form::new(pairs))).into_response(),
        Err(e) => refuse(&policy, e.status(), Lang::default(), PageWord::BadRequest),
    }
}

async fn check_post(
    State(policy): State<Shared>,
    body: Result<Posted<Pairs>, FormRejection>,
) -> Response {
    match body {
        Ok(Posted(pairs)) => Html(check::render(&policy, &Form::new(pairs))).into_response(),
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            refuse(&policy, e.status(), Lang::default(), PageWord::TooLarge)
        }
        Err(e) => refuse(&policy, e.status(), Lang::default(), PageWord::BadRequest),
    }
}

async fn catalogue_get(
    State(policy): State<Shared>,
    query: Result<Query<Pairs>, QueryRejection>,
) -> Response {
    match query {
        Ok(Query(pairs)) => Html(catalogue::render(&policy, &Form::new(pairs))).into_response(),
        Err(e) => refuse(&policy, e.status(), Lang::default(), PageWord::BadRequest),
    }
}

async fn not_found(State(policy): State<Shared>, uri: Uri) -> Response {
    let form = Form::new(
        uri.query()
            .map(|q| {
                q.split('&')
                    .filter_map(|p| p.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            })
            .unwrap_or_default(),
    );
    refuse(
        &policy,
        StatusCode::NOT_FOUND,
        form.lang(),
        PageWord::NotFound,
    )
}

/// How many connections may wait to be accepted. The standard library's
/// 128 makes the 129th of a burst wait a second for a SYN retry.
const BACKLOG: u32 = 1024;

/// A listening socket and the runtime that will serve it.
pub struct Listener {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
}

impl Listener {
    /// Listens on `bind` (`127.0.0.1:8080`; port 0: any free port).
    pub fn bind(bind: &str) -> io::Result<Listener> {
        let address = bind.to_socket_addrs()?.next().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "no address to listen on")
        })?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        let listener = {
            let _inside = runtime.enter();
            let socket = if address.is_ipv4() {
                TcpSocket::new_v4()?
            } else {
                TcpSocket::new_v6()?
            };
            socket.set_reuseaddr(true)?;
            socket.bind(address)?;
            socket.listen(BACKLOG)?
        };
        Ok(Listener { runtime, listener })
    }

    pub fn address(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves the page until the process ends.
    pub fn serve(self, policy: Policy) -> io::Result<()> {
        self.serve_with(policy, Patience::default())
    }

    /// `serve`, waiting on clients as `patience` says.
    pub fn serve_with(self, policy: Policy, patience: Patience) -> io::Result<()> {
        let Listener { runtime, listener } = self;
        runtime.block_on(accept(listener, router_with(policy, patience), patience))
    }
}

/// At most this many connections are served at once; more wait to be
/// accepted.
const CONNECTIONS: usize = 1024;
/// At most this many of the connections come from one address: a quarter,
/// so that one machine's slow clients leave the rest to everyone else,
/// while an office behind one address still gets 256 at once.
const PER_CLIENT: usize = CONNECTIONS / 4;

/// The connections open from each address.
#[derive(Default)]
struct Clients(std::sync::Mutex<std::collections::HashMap<IpAddr, usize>>);

/// One connection counted against its address until it is dropped.
struct Counted(Arc<Clients>, IpAddr);

impl Clients {
    /// Counts a connection from `ip`, unless that address has its share.
    fn admit(self: &Arc<Self>, ip: IpAddr) -> Option<Counted> {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let n = open.entry(ip).or_default();
        if *n >= PER_CLIENT {
            return None;
        }
        *n += 1;
        Some(Counted(self.clone(), ip))
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        let mut open = self.0 .0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = open.get_mut(&self.1) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.1);
            }
        }
    }
}

/// Accepts connections and serves each on a task of its own, with the
/// limits above, so that slow or idle clients cannot hold the server.
async fn accept(
    listener: tokio::net::TcpListener,
    router: Router,
    patience: Patience,
) -> io::Result<()> {
    let slots = Arc::new(Semaphore::new(CONNECTIONS));
    let clients = Arc::new(Clients::default());
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return Ok(());
        };
        let (stream, counted) = match listener.accept().await {
            Ok((stream, peer)) => match clients.admit(peer.ip()) {
                Some(counted) => (stream, counted),
                // Closed at once: that address holds its share already.
                None => continue,
            },
            // Out of file descriptors or a connection reset before it was
            // accepted: wait a little and go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let mut http = http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(patience.head);
            let connection = http.serve_connection(TokioIo::new(stream), service);
            let _ = tokio::time::timeout(patience.connection, connection).await;
            drop((slot, counted));
        });
    }
}

/// Serves the page from a thread of its own on `bind` (port 0: any free
/// port); the address it listens on. For tests and benchmarks.
pub fn spawn(policy: Policy, bind: &str) -> io::Result<SocketAddr> {
    spawn_with(policy, bind, Patience::default())
}

/// `spawn`, waiting on clients as `patience` says.
pub fn spawn_with(policy: Policy, bind: &str, patience: Patience) -> io::Result<SocketAddr> {
    let listener = Listener::bind(bind)?;
    let address = listener.address()?;
    std::thread::spawn(move || listener.serve_with(policy, patience));
    Ok(address)
}

/// `subsidy serve`: prints the address, then serves. The exit code.
pub fn command(args: &ServeArgs, lang: Lang) -> i32 {
    let words = lang.words();
    let policy = match crate::cmd::load_policy(args.measures.path()) {
        Ok(policy) => policy,
        Err(e) => {
            eprintln!("{}", e.render(lang));
            return e.exit_code();
        }
    };
    let failed = |e: io::Error| {
        eprintln!("{}", words.cannot_listen(&args.bind, &e.to_string()));
        1
    };
    let listener = match Listener::bind(&args.bind) {
        Ok(l) => l,
        Err(e) => return failed(e),
    };
    let address = match listener.address() {
        Ok(a) => a,
        Err(e) => return failed(e),
    };
    let mut out = io::stdout();
    let _ = writeln!(out, "{}", words.serving(&format!("http://{address}/")));
    let _ = out.flush();
    match listener.serve(policy) {
        Ok(()) => 0,
        Err(e) => failed(e),
    }
}
