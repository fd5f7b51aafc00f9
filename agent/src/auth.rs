//! Who may call the agent API.
//!
//! The API listens on loopback, but loopback is not a trust boundary: any local process can
//! connect, and so can a web page in a local browser (a cross-site `text/plain` POST needs no
//! preflight, and DNS rebinding points an attacker's name at 127.0.0.1). Two rules close that:
//! - **the API token**: every `POST` carries `Authorization: Bearer <token>`, the secret the
//!   operator gives both the agent and its node (compared in constant time), else `401`;
//! - **Host and Origin**: every request but `GET /health` names a loopback host in `Host`
//!   (`localhost`, `127.0.0.0/8`, `[::1]`, any port, or a name given with `--allow-host`), and an
//!   `Origin` header, if there is one, is a loopback origin too, else `403`. A page reached through
//!   DNS rebinding sends its own name as `Host`; a cross-site request sends its site as `Origin`.
//!
//! The token comes from `--api-token-file`, else the environment variable `ZKP_AGENT_TOKEN`,
//! else the file `api-token` in the store directory, generated there (mode 0600) on the first
//! start. `--insecure-no-token` turns the token off (the Host and Origin rule stays).

use hyper::{header, HeaderMap};
use std::{
	net::{Ipv4Addr, Ipv6Addr},
	path::Path,
};

/// The environment variable that may hold the token.
pub const TOKEN_ENV: &str = "ZKP_AGENT_TOKEN";
/// The file in the store directory that holds a generated token.
pub const GENERATED_TOKEN_FILE: &str = "api-token";
/// Tokens shorter than this are refused (a generated one has 64 characters).
const MIN_TOKEN_LEN: usize = 16;
/// Tokens longer than this are refused (they travel in a header).
const MAX_TOKEN_LEN: usize = 256;

/// What the API checks on every request.
#[derive(Clone, Debug)]
pub struct Guard {
	/// The `blake2_256` of the API token; `None`: no token (`--insecure-no-token`).
	token_hash: Option<[u8; 32]>,
	/// Host names accepted besides the loopback ones (lower case).
	extra_hosts: Vec<String>,
}

/// Why a request was refused: `Forbidden` (403) or `Unauthorized` (401).
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
	Forbidden(String),
	Unauthorized(&'static str),
}

impl Guard {
	pub fn new(token: Option<&str>, extra_hosts: &[String]) -> Self {
		Self {
			token_hash: token.map(|t| sp_crypto_hashing::blake2_256(t.as_bytes())),
			extra_hosts: extra_hosts.iter().map(|h| h.to_ascii_lowercase()).collect(),
		}
	}

	/// The Host and Origin rule.
	pub fn check_origin(&self, headers: &HeaderMap) -> Result<(), Refusal> {
		let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
		if !self.is_local_host(host) {
			return Err(Refusal::Forbidden(format!("Host {host:?} is not a loopback address")));
		}
		for origin in headers.get_all(header::ORIGIN) {
			let origin = origin.to_str().unwrap_or("");
			if !self.is_local_origin(origin) {
				return Err(Refusal::Forbidden(format!(
					"Origin {origin:?} is not a loopback origin"
				)));
			}
		}
		Ok(())
	}

	/// The token rule (passes when no token is configured).
	pub fn check_token(&self, headers: &HeaderMap) -> Result<(), Refusal> {
		let Some(expected) = self.token_hash else { return Ok(()) };
		let given = headers
			.get(header::AUTHORIZATION)
			.and_then(|v| v.to_str().ok())
			.and_then(bearer)
			.ok_or(Refusal::Unauthorized("missing Authorization: Bearer <token>"))?;
		// Comparing hashes hides the token's length as well as its bytes.
		if constant_time_eq(&sp_crypto_hashing::blake2_256(given.as_bytes()), &expected) {
			Ok(())
		} else {
			Err(Refusal::Unauthorized("wrong API token"))
		}
	}

	fn is_local_host(&self, host: &str) -> bool {
		let Some(name) = strip_port(host) else { return false };
		is_loopback_name(name) || self.extra_hosts.iter().any(|h| h.eq_ignore_ascii_case(name))
	}

	fn is_local_origin(&self, origin: &str) -> bool {
		let Some((scheme, rest)) = origin.split_once("://") else { return false };
		matches!(scheme, "http" | "https") && !rest.contains('/') && self.is_local_host(rest)
	}
}

/// The token of an `Authorization: Bearer <token>` value.
fn bearer(value: &str) -> Option<&str> {
	let (scheme, token) = value.split_once(' ')?;
	scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn constant_time_eq(a: &[u8; 32], b: &[u8; 32]) -> bool {
	let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
	std::hint::black_box(diff) == 0
}

/// `host[:port]` → `host` (brackets kept for IPv6); `None` if the port is not a number.
fn strip_port(host: &str) -> Option<&str> {
	let (name, port) = match host.strip_prefix('[') {
		Some(rest) => {
			let end = rest.find(']')? + 2;
			match &host[end..] {
				"" => (&host[..end], None),
				tail => (&host[..end], Some(tail.strip_prefix(':')?)),
			}
		},
		None => match host.rsplit_once(':') {
			Some((name, port)) => (name, Some(port)),
			None => (host, None),
		},
	};
	let port_ok =
		port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
	(port_ok && !name.is_empty() && (host.starts_with('[') || !name.contains(':'))).then_some(name)
}

/// `localhost`, an address in 127.0.0.0/8, or `[::1]`.
fn is_loopback_name(name: &str) -> bool {
	if let Some(v6) = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
		return v6.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback());
	}
	name.eq_ignore_ascii_case("localhost") ||
		name.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
}

/// Where the token comes from, in order: `file`, [`TOKEN_ENV`], `store/api-token` (made if
/// missing). `None` only with `insecure` (and then none of the others may be set).
pub fn load_token(
	file: Option<&Path>,
	store: &Path,
	insecure: bool,
) -> Result<Option<String>, String> {
	let env = std::env::var(TOKEN_ENV).ok().filter(|t| !t.trim().is_empty());
	if insecure {
		if file.is_some() || env.is_some() {
			return Err(format!("--insecure-no-token contradicts --api-token-file / {TOKEN_ENV}"));
		}
		log::warn!("--insecure-no-token: ANY local process or web page that gets past the Host check can drive this agent");
		return Ok(None);
	}
	let token = match (file, env) {
		(Some(path), _) => {
			log::info!("API token from {}", path.display());
			read_token_file(path)?
		},
		(None, Some(token)) => {
			log::info!("API token from ${TOKEN_ENV}");
			valid_token(token.trim(), TOKEN_ENV)?
		},
		(None, None) => generated_token(&store.join(GENERATED_TOKEN_FILE))?,
	};
	Ok(Some(token))
}

/// Reads a token file (surrounding whitespace ignored).
pub fn read_token_file(path: &Path) -> Result<String, String> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("API token file {}: {e}", path.display()))?;
	valid_token(text.trim(), &path.display().to_string())
}

fn valid_token(token: &str, source: &str) -> Result<String, String> {
	let printable = token.bytes().all(|b| b.is_ascii_graphic());
	if !printable || !(MIN_TOKEN_LEN..=MAX_TOKEN_LEN).contains(&token.len()) {
		return Err(format!("API token from {source}: want {MIN_TOKEN_LEN}..={MAX_TOKEN_LEN} printable ASCII characters, no spaces"));
	}
	Ok(token.to_string())
}

/// The token in `path`, made there (32 random bytes in hex, mode 0600) if there is none.
fn generated_token(path: &Path) -> Result<String, String> {
	if path.exists() {
		log::info!("API token: {} (no --api-token-file or {TOKEN_ENV} given)", path.display());
		return read_token_file(path);
	}
	let mut bytes = [0u8; 32];
	std::io::Read::read_exact(
		&mut std::fs::File::open("/dev/urandom").map_err(|e| format!("/dev/urandom: {e}"))?,
		&mut bytes,
	)
	.map_err(|e| format!("/dev/urandom: {e}"))?;
	let token = hex::encode(bytes);
	write_private(path, token.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
	log::warn!(
		"no API token configured: generated one in {} — give the node the same token (off-chain local storage \
		 `zkp-posp::agent-token` / `zkp-poi::agent-token`, see docs/agent.md)",
		path.display()
	);
	Ok(token)
}

/// Writes a new file only its owner can read.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
	use std::io::Write;
	let mut options = std::fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
	options.open(path)?.write_all(bytes)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
		let mut map = HeaderMap::new();
		for (name, value) in pairs {
			map.append(
				header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
				value.parse().unwrap(),
			);
		}
		map
	}

	#[test]
	fn only_loopback_hosts_and_origins_pass() {
		let guard = Guard::new(None, &["agent.internal".into()]);
		for host in [
			"localhost",
			"LOCALHOST:8090",
			"127.0.0.1",
			"127.1.2.3:80",
			"[::1]",
			"[::1]:8090",
			"agent.internal:1",
		] {
			assert_eq!(guard.check_origin(&headers(&[("host", host)])), Ok(()), "{host}");
		}
		for host in [
			"",
			"evil.example",
			"evil.example:8090",
			"127.0.0.1.evil.example",
			"localhost.",
			"0.0.0.0",
			"10.0.0.1:8090",
			"::1",
			"[::2]",
			"127.0.0.1:",
			"127.0.0.1:x",
			"localhost:8090:1",
			"[::1]x",
		] {
			assert!(guard.check_origin(&headers(&[("host", host)])).is_err(), "{host}");
		}
		assert!(guard.check_origin(&headers(&[])).is_err(), "no Host at all");
		let local = ("host", "127.0.0.1:8090");
		assert_eq!(
			guard.check_origin(&headers(&[local, ("origin", "http://localhost:3000")])),
			Ok(())
		);
		for origin in [
			"http://evil.example",
			"null",
			"https://127.0.0.1.evil.example",
			"file://",
			"http://localhost/x",
		] {
			assert!(
				guard.check_origin(&headers(&[local, ("origin", origin)])).is_err(),
				"{origin}"
			);
		}
		let two =
			headers(&[local, ("origin", "http://localhost"), ("origin", "http://evil.example")]);
		assert!(guard.check_origin(&two).is_err(), "every Origin header counts");
	}

	#[test]
	fn the_token_is_required_and_compared_exactly() {
		let guard = Guard::new(Some("0123456789abcdef0123"), &[]);
		assert_eq!(
			guard.check_token(&headers(&[("authorization", "Bearer 0123456789abcdef0123")])),
			Ok(())
		);
		assert_eq!(
			guard.check_token(&headers(&[("authorization", "bearer 0123456789abcdef0123")])),
			Ok(())
		);
		for value in [
			"Bearer 0123456789abcdef012",
			"Bearer 0123456789abcdef01234",
			"Basic 0123456789abcdef0123",
			"0123456789abcdef0123",
		] {
			assert!(
				matches!(
					guard.check_token(&headers(&[("authorization", value)])),
					Err(Refusal::Unauthorized(_))
				),
				"{value}"
			);
		}
		assert!(matches!(guard.check_token(&headers(&[])), Err(Refusal::Unauthorized(_))));
		assert_eq!(Guard::new(None, &[]).check_token(&headers(&[])), Ok(()), "no token configured");
	}

	#[test]
	fn a_missing_token_is_generated_once_in_the_store() {
		let dir = std::env::temp_dir().join(format!("zkp-agent-token-test-{}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		std::fs::create_dir_all(&dir).unwrap();
		let first = load_token(None, &dir, false).unwrap().unwrap();
		assert_eq!(first.len(), 64);
		assert_eq!(load_token(None, &dir, false).unwrap().unwrap(), first, "kept across restarts");
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			let mode =
				std::fs::metadata(dir.join(GENERATED_TOKEN_FILE)).unwrap().permissions().mode();
			assert_eq!(mode & 0o077, 0, "readable by its owner only");
		}
		let file = dir.join("given");
		std::fs::write(&file, "short\n").unwrap();
		assert!(load_token(Some(&file), &dir, false).is_err(), "too short");
		std::fs::write(&file, " a-long-enough-token-1234\n").unwrap();
		assert_eq!(
			load_token(Some(&file), &dir, false).unwrap().as_deref(),
			Some("a-long-enough-token-1234")
		);
		assert!(load_token(Some(&file), &dir, true).is_err(), "a token and --insecure-no-token");
		assert_eq!(load_token(None, &dir, true).unwrap(), None);
		std::fs::remove_dir_all(&dir).unwrap();
	}
}
