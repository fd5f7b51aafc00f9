//! The agent's HTTP API, on loopback only.
//!
//! For the node's off-chain worker (SCALE bodies, see `zkp_posp::api`):
//! - `POST /posp/seal` — `SealRequest` → `SealStatus` (starts or polls a sealing job);
//! - `POST /posp/prove` — `ProveRequest` → `ProveResponse` (opens challenged leaves).
//!
//! - `POST /poi/job` — `zkp_primitives::poi::JobRequest` → `JobStatus` (starts or polls an
//!   inference job; `?wait=MS` holds the answer until the job finishes or MS pass, at most 60 s).
//!
//! For people (JSON): `GET /status` (jobs with progress, sealed sectors, inference jobs with
//! their timings), `GET /poi/jobs`, `GET /health`.
//!
//! Access ([`crate::auth`]): every route but `GET /health` wants a loopback `Host` and no
//! foreign `Origin` (else `403`); every `POST` wants `Authorization: Bearer <token>` (else
//! `401`). Request bodies are decoded whole and bounded ([`crate::limits`], else `400`).

use crate::{
	auth::{Guard, Refusal},
	compute::Compute,
	limits,
	store::Store,
};
use codec::Encode;
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
	Response::builder()
		.status(code)
		.header("Content-Type", content_type)
		.body(Body::from(body))
		.expect("valid response")
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

/// Reads a body and decodes it as a bounded request `T`.
async fn request_of<T: limits::Bounded>(req: Request<Body>) -> Result<T, Response<Body>> {
	let body = body_of(req).await?;
	limits::decode(&body).map_err(|e| text(StatusCode::BAD_REQUEST, &e))
}

/// What the API serves.
#[derive(Clone)]
pub struct Services {
	pub store: Arc<Store>,
	pub compute: Arc<Compute>,
	pub ipfs_url: String,
	pub guard: Arc<Guard>,
}

/// The answer to a refused request.
fn refused(refusal: Refusal) -> Response<Body> {
	match refusal {
		Refusal::Forbidden(why) => text(StatusCode::FORBIDDEN, &why),
		Refusal::Unauthorized(why) => {
			let mut response = text(StatusCode::UNAUTHORIZED, why);
			response.headers_mut().insert(
				hyper::header::WWW_AUTHENTICATE,
				hyper::header::HeaderValue::from_static("Bearer"),
			);
			response
		},
	}
}

/// Answers one request: the access rules first, then the route.
pub async fn handle(services: Services, started: Instant, req: Request<Body>) -> Response<Body> {
	if req.method() == Method::GET && req.uri().path() == "/health" {
		return text(StatusCode::OK, "ok");
	}
	let mut allowed = services.guard.check_origin(req.headers());
	if req.method() == Method::POST {
		allowed = allowed.and_then(|()| services.guard.check_token(req.headers()));
	}
	match allowed {
		Ok(()) => route(services, started, req).await,
		Err(refusal) => {
			log::warn!("refused {} {}: {refusal:?}", req.method(), req.uri().path());
			refused(refusal)
		},
	}
}

async fn route(services: Services, started: Instant, req: Request<Body>) -> Response<Body> {
	let Services { store, compute, ipfs_url, .. } = services;
	let route = (req.method().clone(), req.uri().path().to_string());
	let scale = "application/octet-stream";
	match (route.0, route.1.as_str()) {
		(Method::POST, "/posp/seal") => {
			let request = match request_of::<SealRequest>(req).await {
				Ok(r) => r,
				Err(r) => return r,
			};
			// May read a sealed sector from disk: off the async workers.
			match tokio::task::spawn_blocking(move || store.seal(request)).await {
				Ok(status) => reply(StatusCode::OK, scale, status.encode()),
				Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
			}
		},
		(Method::POST, "/posp/prove") => {
			let request = match request_of::<ProveRequest>(req).await {
				Ok(r) => r,
				Err(r) => return r,
			};
			match tokio::task::spawn_blocking(move || store.prove(&request)).await {
				Ok(answer) => reply(StatusCode::OK, scale, answer.encode()),
				Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
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
			let request = match request_of::<JobRequest>(req).await {
				Ok(r) => r,
				Err(r) => return r,
			};
			let status = compute.job_waiting(request, std::time::Duration::from_millis(wait)).await;
			reply(StatusCode::OK, scale, status.encode())
		},
		(Method::GET, "/poi/jobs") => reply(
			StatusCode::OK,
			"application/json",
			serde_json::to_vec_pretty(&compute.status()).unwrap_or_default(),
		),
		(Method::GET, "/status") => {
			let status = serde_json::json!({
				"uptimeSeconds": started.elapsed().as_secs(),
				"ipfs": ipfs_url,
				"posp": store.status(),
				"poi": compute.status(),
			});
			reply(
				StatusCode::OK,
				"application/json",
				serde_json::to_vec_pretty(&status).unwrap_or_default(),
			)
		},
		_ => text(StatusCode::NOT_FOUND, "unknown route: see /status"),
	}
}

/// Serves until the process is stopped.
pub async fn serve(addr: SocketAddr, services: Services) -> Result<(), String> {
	if !addr.ip().is_loopback() {
		log::warn!("listening on {addr}: keep the agent on loopback (requests must name a loopback Host or an --allow-host name)");
	}
	let listener = std::net::TcpListener::bind(addr).map_err(|e| format!("bind {addr}: {e}"))?;
	log::info!("agent API on http://{addr} (POST /posp/seal, POST /posp/prove, POST /poi/job, GET /status)");
	serve_on(listener, services, async {
		let _ = tokio::signal::ctrl_c().await;
	})
	.await
}

/// Serves on `listener` until `shutdown` completes.
async fn serve_on(
	listener: std::net::TcpListener,
	services: Services,
	shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), String> {
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
	listener.set_nonblocking(true).map_err(|e| e.to_string())?;
	// No Nagle delay on answers (a SCALE answer is one small write).
	let server = Server::from_tcp(listener)
		.map_err(|e| e.to_string())?
		.tcp_nodelay(true)
		.serve(make);
	server.with_graceful_shutdown(shutdown).await.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{compute::Fault, ipfs::Ipfs};
	use codec::Decode;
	use sp_core::H256;
	use std::{path::PathBuf, time::Duration};
	use zkp_posp::api::{ProveResponse, SealStatus};
	use zkp_primitives::poi::{Framework, JobStatus};

	const TOKEN: &str = "test-token-0123456789abcdef";
	const LOCAL: (&str, &str) = ("host", "127.0.0.1:8090");
	const AUTH: (&str, &str) = ("authorization", "Bearer test-token-0123456789abcdef");

	/// The API over a fresh store in `name`, IPFS unreachable, inference stalled (jobs stay
	/// queued), the token [`TOKEN`].
	fn services(name: &str) -> (Services, PathBuf) {
		let dir =
			std::env::temp_dir().join(format!("zkp-agent-http-test-{}-{name}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		let ipfs = Ipfs::new("http://127.0.0.1:9", Duration::from_secs(1)).unwrap();
		let store = Store::new(dir.clone(), ipfs.clone()).unwrap();
		let compute = Compute::new(
			dir.clone(),
			ipfs.clone(),
			ipfs,
			candle_core::Device::Cpu,
			Some(Fault::Stall),
		)
		.unwrap();
		let guard = Arc::new(Guard::new(Some(TOKEN), &[]));
		(Services { store, compute, ipfs_url: String::new(), guard }, dir)
	}

	async fn call(
		services: &Services,
		method: Method,
		path: &str,
		headers: &[(&str, &str)],
		body: Vec<u8>,
	) -> (StatusCode, Vec<u8>) {
		let mut req = Request::builder().method(method).uri(path);
		for (name, value) in headers {
			req = req.header(*name, *value);
		}
		let response =
			handle(services.clone(), Instant::now(), req.body(Body::from(body)).unwrap()).await;
		let code = response.status();
		(code, hyper::body::to_bytes(response.into_body()).await.unwrap().to_vec())
	}

	async fn status(services: &Services) -> serde_json::Value {
		let (code, body) = call(services, Method::GET, "/status", &[LOCAL], vec![]).await;
		assert_eq!(code, StatusCode::OK);
		serde_json::from_slice(&body).unwrap()
	}

	fn job(model_cid: &[u8], input_cid: &[u8]) -> JobRequest {
		JobRequest {
			task: 7,
			seed: H256([1; 32]),
			model_cid: model_cid.to_vec(),
			model_hash: H256([2; 32]),
			framework: Framework::Mlp,
			input_cid: input_cid.to_vec(),
			sketch_len: 32,
			scale_bits: 16,
			zk: None,
		}
	}

	fn cc_seal(sector_leaves: u32, rounds: u32) -> SealRequest {
		let provider = [5; 32];
		SealRequest {
			provider,
			sector: 3,
			seed: zkp_posp::sector_seed(&provider, 3, &[0; 32]),
			rounds,
			sector_leaves,
			data: None,
		}
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn posts_without_the_token_get_401_and_start_nothing() {
		let (services, dir) = services("token");
		let wrong = ("authorization", "Bearer test-token-0123456789abcdeX");
		for headers in [&[LOCAL][..], &[LOCAL, wrong], &[LOCAL, ("authorization", TOKEN)]] {
			let (code, _) = call(
				&services,
				Method::POST,
				"/poi/job",
				headers,
				job(b"bafym", b"bafyi").encode(),
			)
			.await;
			assert_eq!(code, StatusCode::UNAUTHORIZED, "{headers:?}");
			let (code, _) =
				call(&services, Method::POST, "/posp/seal", headers, cc_seal(16, 2).encode()).await;
			assert_eq!(code, StatusCode::UNAUTHORIZED, "{headers:?}");
		}
		// A browser's form POST: text/plain, no token.
		let form = [LOCAL, ("content-type", "text/plain"), ("origin", "http://127.0.0.1:8090")];
		assert_eq!(
			call(&services, Method::POST, "/poi/job", &form, job(b"bafym", b"bafyi").encode())
				.await
				.0,
			StatusCode::UNAUTHORIZED
		);
		let status = status(&services).await;
		assert_eq!(status["poi"], serde_json::json!([]));
		assert_eq!(status["posp"], serde_json::json!([]));
		// With the token, the same request is served.
		let (code, body) = call(
			&services,
			Method::POST,
			"/poi/job",
			&[LOCAL, AUTH],
			job(b"bafym", b"bafyi").encode(),
		)
		.await;
		assert_eq!(
			(code, JobStatus::decode(&mut &body[..]).unwrap()),
			(StatusCode::OK, JobStatus::Queued)
		);
		let _ = std::fs::remove_dir_all(dir);
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn a_foreign_host_or_origin_gets_403() {
		let (services, dir) = services("origin");
		let body = || job(b"bafym", b"bafyi").encode();
		for headers in [
			&[("host", "evil.example"), AUTH][..],
			&[("host", "evil.example:8090"), AUTH],
			&[AUTH],
			&[LOCAL, AUTH, ("origin", "http://evil.example")],
			&[LOCAL, AUTH, ("origin", "null")],
		] {
			assert_eq!(
				call(&services, Method::POST, "/poi/job", headers, body()).await.0,
				StatusCode::FORBIDDEN,
				"{headers:?}"
			);
			assert_eq!(
				call(&services, Method::GET, "/status", headers, vec![]).await.0,
				StatusCode::FORBIDDEN,
				"{headers:?}"
			);
			assert_eq!(
				call(&services, Method::GET, "/poi/jobs", headers, vec![]).await.0,
				StatusCode::FORBIDDEN,
				"{headers:?}"
			);
		}
		assert_eq!(status(&services).await["poi"], serde_json::json!([]));
		// Only /health answers anyone.
		let (code, body) =
			call(&services, Method::GET, "/health", &[("host", "evil.example")], vec![]).await;
		assert_eq!((code, body), (StatusCode::OK, b"ok".to_vec()));
		let _ = std::fs::remove_dir_all(dir);
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn jobs_for_the_same_task_and_seed_with_another_model_or_input_are_other_jobs() {
		let (services, dir) = services("jobs");
		let requests = [
			job(b"bafymodel", b"bafyinput"),
			job(b"bafyPOISONED", b"bafyinput"),
			job(b"bafymodel", b"bafyPOISONED"),
		];
		for request in &requests {
			let (code, body) =
				call(&services, Method::POST, "/poi/job", &[LOCAL, AUTH], request.encode()).await;
			assert_eq!(
				(code, JobStatus::decode(&mut &body[..]).unwrap()),
				(StatusCode::OK, JobStatus::Queued)
			);
		}
		let (code, body) = call(&services, Method::GET, "/poi/jobs", &[LOCAL], vec![]).await;
		assert_eq!(code, StatusCode::OK);
		let jobs: Vec<serde_json::Value> = serde_json::from_slice(&body).unwrap();
		assert_eq!(jobs.len(), 3, "one job per request: {jobs:?}");
		let mut keys: Vec<_> =
			jobs.iter().map(|j| j["request"].as_str().unwrap().to_string()).collect();
		keys.sort();
		let mut expected: Vec<_> =
			requests.iter().map(|r| hex::encode(crate::compute::job_key(r).0)).collect();
		expected.sort();
		assert_eq!(keys, expected);
		let _ = std::fs::remove_dir_all(dir);
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn seal_requests_for_the_same_sector_with_other_rounds_are_other_replicas() {
		let (services, dir) = services("seal");
		let mut roots = Vec::new();
		for rounds in [2, 3] {
			let request = cc_seal(16, rounds);
			let mut root = None;
			for _ in 0..200 {
				let (code, body) =
					call(&services, Method::POST, "/posp/seal", &[LOCAL, AUTH], request.encode())
						.await;
				assert_eq!(code, StatusCode::OK);
				match SealStatus::decode(&mut &body[..]).unwrap() {
					SealStatus::Sealed { sealed_root } => {
						root = Some(sealed_root);
						break;
					},
					SealStatus::Failed { reason } => panic!("{}", String::from_utf8_lossy(&reason)),
					SealStatus::Sealing { .. } =>
						tokio::time::sleep(Duration::from_millis(20)).await,
				}
			}
			roots.push(root.expect("sealed within 4 s"));
		}
		assert_ne!(roots[0], roots[1], "the second request got its own replica");
		let sealed = status(&services).await["posp"]
			.as_array()
			.unwrap()
			.iter()
			.filter(|j| j["state"] == "sealed")
			.count();
		assert_eq!(sealed, 2);
		let request = cc_seal(16, 2);
		let prove = ProveRequest {
			provider: request.provider,
			sector: 3,
			seed: request.seed,
			leaves: vec![0, 15],
		};
		let (code, body) =
			call(&services, Method::POST, "/posp/prove", &[LOCAL, AUTH], prove.encode()).await;
		assert_eq!(code, StatusCode::OK);
		assert!(
			matches!(ProveResponse::decode(&mut &body[..]).unwrap(), ProveResponse::Proofs(p) if p.len() == 2)
		);
		let _ = std::fs::remove_dir_all(dir);
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn out_of_bounds_requests_get_400_before_any_work() {
		let (services, dir) = services("bounds");
		let (code, body) = call(
			&services,
			Method::POST,
			"/posp/seal",
			&[LOCAL, AUTH],
			cc_seal(u32::MAX, 2).encode(),
		)
		.await;
		assert_eq!(code, StatusCode::BAD_REQUEST);
		assert!(
			String::from_utf8_lossy(&body).starts_with("SealRequest.sector_leaves:"),
			"{}",
			String::from_utf8_lossy(&body)
		);
		for (path, body) in [
			("/posp/seal", cc_seal(0, 2).encode()),
			("/posp/seal", cc_seal(16, 1000).encode()),
			("/posp/seal", vec![1, 2, 3]),
			("/poi/job", JobRequest { sketch_len: 1 << 20, ..job(b"bafym", b"bafyi") }.encode()),
			(
				"/posp/prove",
				ProveRequest {
					provider: [5; 32],
					sector: 3,
					seed: [0; 32],
					leaves: vec![0; 10_000],
				}
				.encode(),
			),
		] {
			assert_eq!(
				call(&services, Method::POST, path, &[LOCAL, AUTH], body).await.0,
				StatusCode::BAD_REQUEST,
				"{path}"
			);
		}
		let status = status(&services).await;
		assert_eq!(
			(&status["posp"], &status["poi"]),
			(&serde_json::json!([]), &serde_json::json!([]))
		);
		let _ = std::fs::remove_dir_all(dir);
	}

	/// Sends `raw` (a whole HTTP/1.1 request) to `addr`; the status code of the answer.
	async fn raw_status(addr: SocketAddr, raw: Vec<u8>) -> u16 {
		use tokio::io::{AsyncReadExt, AsyncWriteExt};
		let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
		stream.write_all(&raw).await.unwrap();
		let mut answer = Vec::new();
		stream.read_to_end(&mut answer).await.unwrap();
		String::from_utf8_lossy(&answer[..12])
			.split(' ')
			.nth(1)
			.unwrap()
			.parse()
			.unwrap()
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn the_listening_server_applies_the_rules() {
		let (services, dir) = services("socket");
		let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
		let addr = listener.local_addr().unwrap();
		let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
		let server = tokio::spawn(serve_on(listener, services.clone(), async {
			let _ = stopped.await;
		}));
		let body = job(b"bafym", b"bafyi").encode();
		let post = |headers: &str| {
			let head = format!("POST /poi/job HTTP/1.1\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len());
			[head.into_bytes(), body.clone()].concat()
		};
		let local = format!("Host: {addr}\r\n");
		let auth = format!("Authorization: Bearer {TOKEN}\r\n");
		assert_eq!(
			raw_status(addr, post(&format!("{local}Content-Type: text/plain\r\n"))).await,
			401
		);
		assert_eq!(
			raw_status(addr, post(&format!("Host: evil.example:{}\r\n{auth}", addr.port()))).await,
			403
		);
		assert_eq!(
			raw_status(addr, post(&format!("{local}{auth}Origin: http://evil.example\r\n"))).await,
			403
		);
		assert_eq!(status(&services).await["poi"], serde_json::json!([]));
		assert_eq!(raw_status(addr, post(&format!("{local}{auth}"))).await, 200);
		assert_eq!(status(&services).await["poi"].as_array().map(Vec::len), Some(1));
		let _ = stop.send(());
		server.await.unwrap().unwrap();
		let _ = std::fs::remove_dir_all(dir);
	}
}
