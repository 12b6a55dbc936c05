fn main() {
    std::process::exit(subsidy::app::main());
}
