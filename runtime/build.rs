//! Builds the runtime to WASM (when the `std` feature and the WASM builder are enabled).

fn main() {
	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
