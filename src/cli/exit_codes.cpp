#include "cli/exit_codes.h"

#include "core/error.h"

namespace cbam::cli {

const std::vector<ExitCodeDoc>& exit_codes() {
    static const std::vector<ExitCodeDoc> codes = {
        {exit_code::ok, "success"},
        {exit_code::input_error,
         "the input is wrong: every problem found is listed as file:line:column (field): message, and nothing was written"},
        {exit_code::usage, "the command line is wrong (an unknown option, a missing argument, a bad option value): nothing was read "
                           "or written"},
        {exit_code::output_error, "an output could not be written; no output file was changed or left half-written"},
        {exit_code::check_failed, "the inputs were read and computed, and the check the command makes failed: certificates held "
                                  "short of the quarterly 50 % (certificates), a figure differs (verify), an output not "
                                  "reproduced (rerun)"},
        {exit_code::setup, "cbam is not set up: the official QReport schema is missing or not the published one, the blank "
                           "communication template (calc --template-out) is missing or not the one cbam knows, or cbam's own "
                           "data is missing; the message says what to download and where to put it"},
        {exit_code::internal, "an internal error: a defect in cbam; please report it with the command line and inputs"},
    };
    return codes;
}

std::string exit_code_meaning(int code) {
    for (const auto& e : exit_codes())
        if (e.code == code) return e.meaning;
    return "";
}

}  // namespace cbam::cli
