//! IPFS through the Kubo RPC API on loopback (`ipfs-api-backend-hyper`: POST for every call).
//!
//! Every call carries the API's own `timeout=` option and is also bounded here, so a block the
//! node lacks is an error, never a hang.

use futures::TryStreamExt;
use ipfs_api_backend_hyper::{
	request::{self, Add},
	BackendWithGlobalOptions, Form, GlobalOptions, IpfsApi, IpfsClient, TryFromUri,
};
use ipfs_api_prelude::Backend;
use std::{io::Cursor, time::Duration};

/// A Kubo RPC API client with timeouts.
#[derive(Clone)]
pub struct Ipfs {
	client: std::sync::Arc<BackendWithGlobalOptions<IpfsClient>>,
	timeout: Duration,
	url: String,
}

impl Ipfs {
	/// `url` is the API base, e.g. `http://127.0.0.1:5001`.
	pub fn new(url: &str, timeout: Duration) -> Result<Self, String> {
		let base = IpfsClient::from_str(url.trim_end_matches('/'))
			.map_err(|e| format!("IPFS API URL {url}: {e}"))?;
		let options = GlobalOptions { offline: None, timeout: Some(timeout) };
		Ok(Self {
			client: std::sync::Arc::new(BackendWithGlobalOptions::new(base, options)),
			timeout,
			url: url.into(),
		})
	}

	/// The API base URL.
	pub fn url(&self) -> &str {
		&self.url
	}

	async fn bounded<T>(
		&self,
		what: &str,
		f: impl std::future::Future<Output = Result<T, ipfs_api_backend_hyper::Error>>,
	) -> Result<T, String> {
		match tokio::time::timeout(self.timeout + Duration::from_secs(2), f).await {
			Ok(Ok(v)) => Ok(v),
			Ok(Err(e)) => Err(format!("IPFS {what}: {e}")),
			Err(_) => Err(format!("IPFS {what}: no answer within {:?}", self.timeout)),
		}
	}

	/// Adds bytes as a CIDv1 with raw leaves (and pins them); returns the CID.
	pub async fn add(&self, data: Vec<u8>) -> Result<String, String> {
		let options = Add {
			cid_version: Some(1),
			raw_leaves: Some(true),
			pin: Some(true),
			..Default::default()
		};
		let mut form = Form::default();
		form.add_reader("path", Cursor::new(data));
		let body = self.bounded("add", self.client.request_string(options, Some(form))).await?;
		// One JSON object per added file; read `Hash` whatever type `Size` has.
		let line = body.lines().last().unwrap_or_default();
		let json: serde_json::Value =
			serde_json::from_str(line).map_err(|e| format!("IPFS add: {e}: {line}"))?;
		json["Hash"]
			.as_str()
			.map(str::to_string)
			.ok_or_else(|| format!("IPFS add: no Hash in {line}"))
	}

	/// Reads a whole file, refusing more than `limit` bytes.
	pub async fn cat(&self, cid: &str, limit: u64) -> Result<Vec<u8>, String> {
		let read = async {
			let mut out = Vec::new();
			let mut stream = self.client.cat(cid);
			while let Some(chunk) = stream.try_next().await? {
				out.extend_from_slice(&chunk);
				if out.len() as u64 > limit {
					break;
				}
			}
			Ok(out)
		};
		let data = self.bounded("cat", read).await?;
		if data.len() as u64 > limit {
			return Err(format!("IPFS cat {cid}: more than {limit} bytes"));
		}
		Ok(data)
	}

	/// Pins a CID (recursively).
	pub async fn pin(&self, cid: &str) -> Result<(), String> {
		self.bounded("pin/add", self.client.pin_add(cid, true)).await.map(|_| ())
	}

	/// The daemon's version (a liveness check).
	pub async fn version(&self) -> Result<String, String> {
		let body = self
			.bounded("version", self.client.request_string(request::Version, None))
			.await?;
		let json: serde_json::Value =
			serde_json::from_str(&body).map_err(|e| format!("IPFS version: {e}"))?;
		Ok(json["Version"].as_str().unwrap_or("?").to_string())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[tokio::test]
	async fn a_daemon_that_never_answers_is_an_error_not_a_hang() {
		// Accepts connections and never answers, like a daemon looking for a block it lacks.
		let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
		let url = format!("http://{}", listener.local_addr().unwrap());
		std::thread::spawn(move || {
			let mut held = Vec::new();
			for stream in listener.incoming() {
				held.push(stream);
			}
		});
		let ipfs = Ipfs::new(&url, Duration::from_millis(500)).unwrap();
		let started = std::time::Instant::now();
		let result = ipfs
			.cat("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", 1024)
			.await;
		assert!(result.unwrap_err().contains("no answer"));
		assert!(started.elapsed() < Duration::from_secs(10));
		assert!(ipfs
			.pin("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
			.await
			.is_err());
	}
}
