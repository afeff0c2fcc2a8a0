#include "cli/commands.h"
#include "cli/process_end.h"
#include "core/error.h"

#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char** argv) {
    try {
        return cbam::cli::end_process(cbam::cli::dispatch(cbam::cli::Args(argv + 1, argv + argc)));
    } catch (const cbam::InputError& e) {
        std::fflush(stdout);
        std::fputs(e.diagnostics().to_string().c_str(), stderr);
        fmt::print(stderr, "cbam: {}; nothing was written\n", e.what());
        return cbam::exit_code::input_error;
    } catch (const cbam::OutputError& e) {
        std::fflush(stdout);
        fmt::print(stderr, "cbam: error: {}; no output file was changed\n", e.what());
        return cbam::exit_code::output_error;
    } catch (const cbam::SetupError& e) {
        std::fflush(stdout);
        fmt::print(stderr, "cbam: not set up: {}\n", e.what());
        return cbam::exit_code::setup;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        fmt::print(stderr, "cbam: internal error: {}\n", e.what());
        return cbam::exit_code::internal;
    }
}
