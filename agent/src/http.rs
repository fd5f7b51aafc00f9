//! The agent's HTTP API, on loopback only.
//!
//! For the node's off-chain worker (SCALE bodies, see `zkp_posp::api`):
//! - `POST /posp/seal` — `SealRequest` → `SealStatus` (starts or polls a sealing job);
//! - `POST /posp/prove` — `ProveRequest` → `ProveResponse` (opens challenged leaves).
//!
//! - `POST /poi/job` — `zkp_primitives::poi::JobRequest` → `JobStatus` (starts or polls an
//!   inference job; `?wait=MS` holds the answer until the job finishes or MS pass, at most
//!   60 s).
//!
//! For people (JSON): `GET /status` (jobs with progress, sealed sectors, inference jobs with
//! their timings), `GET /poi/jobs`, `GET /health`.

use crate::{compute::Compute, store::Store};
use codec::{Decode, Encode};
use hyper::{
	service::{make_service_fn, service_fn},
	Body, Method, Request, Response, Server, StatusCode,
};
use std::{convert::Infallible, net::SocketAddr, sync::Arc, time::Instant};
use zkp_posp::api::{ProveRequest, SealRequest};
use zkp_primitives::poi::JobRequest;

/// Largest request body accepted (a prove request is a few hundred bytes).
const MAX_BODY: usize = 64 * 1024;

fn reply(code: StatusCode, content_type: &str, body: Vec<u8>) -> Response<Body> {
	Response::builder().status(code).header("Content-Type", content_type).body(Body::from(body)).expect("valid response")
}

fn text(code: StatusCode, msg: &str) -> Response<Body> {
	reply(code, "text/plain", msg.as_bytes().to_vec())
}

/// Reads a body, refusing more than `MAX_BODY` bytes without buffering them.
async fn body_of(req: Request<Body>) -> Result<Vec<u8>, Response<Body>> {
	use hyper::body::HttpBody;
	let mut body = req.into_body();
	let mut out = Vec::new();
	while let Some(chunk) = body.data().await {
		let chunk = chunk.map_err(|e| text(StatusCode::BAD_REQUEST, &format!("body: {e}")))?;
		if out.len() + chunk.len() > MAX_BODY {
			return Err(text(StatusCode::PAYLOAD_TOO_LARGE, "body too large"));
		}
		out.extend_from_slice(&chunk);
	}
	Ok(out)
}

/// What the API serves.
#[derive(Clone)]
pub struct Services {
	pub store: Arc<Store>,
	pub compute: Arc<Compute>,
	pub ipfs_url: String,
}

async fn handle(services: Services, started: Instant, req: Request<Body>) -> Response<Body> {
	let Services { store, compute, ipfs_url } = services;
	let route = (req.method().clone(), req.uri().path().to_string());
	let scale = "application/octet-stream";
	match (route.0, route.1.as_str()) {
		(Method::POST, "/posp/seal") => {
			let body = match body_of(req).await {
				Ok(b) => b,
				Err(r) => return r,
			};
			match SealRequest::decode(&mut &body[..]) {
				// May read a sealed sector from disk: off the async workers.
				Ok(request) => match tokio::task::spawn_blocking(move || store.seal(request)).await {
					Ok(status) => reply(StatusCode::OK, scale, status.encode()),
					Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
				},
				Err(e) => text(StatusCode::BAD_REQUEST, &format!("SealRequest: {e}")),
			}
		},
		(Method::POST, "/posp/prove") => {
			let body = match body_of(req).await {
				Ok(b) => b,
				Err(r) => return r,
			};
			match ProveRequest::decode(&mut &body[..]) {
				Ok(request) => {
					let store = store.clone();
					match tokio::task::spawn_blocking(move || store.prove(&request)).await {
						Ok(answer) => reply(StatusCode::OK, scale, answer.encode()),
						Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
					}
				},
				Err(e) => text(StatusCode::BAD_REQUEST, &format!("ProveRequest: {e}")),
			}
		},
		(Method::POST, "/poi/job") => {
			let wait = req
				.uri()
				.query()
				.and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("wait=")))
				.and_then(|v| v.parse::<u64>().ok())
				.unwrap_or(0)
				.min(60_000);
			let body = match body_of(req).await {
				Ok(b) => b,
				Err(r) => return r,
			};
			match JobRequest::decode(&mut &body[..]) {
				Ok(request) => {
					let status = compute.job_waiting(request, std::time::Duration::from_millis(wait)).await;
					reply(StatusCode::OK, scale, status.encode())
				},
				Err(e) => text(StatusCode::BAD_REQUEST, &format!("JobRequest: {e}")),
			}
		},
		(Method::GET, "/poi/jobs") =>
			reply(StatusCode::OK, "application/json", serde_json::to_vec_pretty(&compute.status()).unwrap_or_default()),
		(Method::GET, "/status") => {
			let status = serde_json::json!({
				"uptimeSeconds": started.elapsed().as_secs(),
				"ipfs": ipfs_url,
				"posp": store.status(),
				"poi": compute.status(),
			});
			reply(StatusCode::OK, "application/json", serde_json::to_vec_pretty(&status).unwrap_or_default())
		},
		(Method::GET, "/health") => text(StatusCode::OK, "ok"),
		_ => text(StatusCode::NOT_FOUND, "unknown route: see /status"),
	}
}

/// Serves until the process is stopped.
pub async fn serve(addr: SocketAddr, services: Services) -> Result<(), String> {
	if !addr.ip().is_loopback() {
		log::warn!("listening on {addr}: the agent API has no authentication, keep it on loopback");
	}
	let started = Instant::now();
	let make = make_service_fn(move |_| {
		let services = services.clone();
		async move {
			Ok::<_, Infallible>(service_fn(move |req| {
				let services = services.clone();
				async move {
					let (method, path) = (req.method().clone(), req.uri().path().to_string());
					let response = handle(services, started, req).await;
					log::debug!("{method} {path} -> {}", response.status());
					Ok::<_, Infallible>(response)
				}
			}))
		}
	});
	// No Nagle delay on answers (a SCALE answer is one small write).
	let server = Server::try_bind(&addr).map_err(|e| format!("bind {addr}: {e}"))?.tcp_nodelay(true).serve(make);
	log::info!("agent API on http://{addr} (POST /posp/seal, POST /posp/prove, POST /poi/job, GET /status)");
	server
		.with_graceful_shutdown(async {
			let _ = tokio::signal::ctrl_c().await;
		})
		.await
		.map_err(|e| e.to_string())
}
