#include "support.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace cbam::test {

namespace fs = std::filesystem;

std::string source_path(const std::string& relative) { return std::string(CBAM_SOURCE_DIR) + "/" + relative; }

namespace {
std::string slurp_fd(int fd) {
    std::string out;
    std::array<char, 65536> buf{};
    ssize_t n;
    while ((n = ::read(fd, buf.data(), buf.size())) > 0) out.append(buf.data(), static_cast<std::size_t>(n));
    return out;
}
}  // namespace

RunResult run_cbam(const std::vector<std::string>& args) { return run_program(CBAM_BINARY, args); }

RunResult run_cbam(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& env) {
    // `env` is the child's: the binary is run through env(1), so the test process keeps its own.
    std::vector<std::string> all;
    for (const auto& [k, v] : env) all.push_back(k + "=" + v);
    all.push_back(CBAM_BINARY);
    all.insert(all.end(), args.begin(), args.end());
    return run_program("env", all);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args) {
    // Standard error goes to a temporary file so that neither pipe can fill up and block.
    char err_path[] = "/tmp/cbam-test-stderr-XXXXXX";
    int err_fd = ::mkstemp(err_path);
    int out_pipe[2];
    if (err_fd < 0 || ::pipe(out_pipe) != 0) throw std::runtime_error("run_program: cannot create pipes");
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out_pipe[1], 1);
        ::dup2(err_fd, 2);
        ::close(out_pipe[0]);
        std::vector<char*> argv;
        std::string bin = program;
        argv.push_back(bin.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execvp(bin.c_str(), argv.data());
        std::_Exit(127);
    }
    ::close(out_pipe[1]);
    RunResult r;
    r.out = slurp_fd(out_pipe[0]);
    ::close(out_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    ::lseek(err_fd, 0, SEEK_SET);
    r.err = slurp_fd(err_fd);
    ::close(err_fd);
    ::unlink(err_path);
    return r;
}

ScratchDir::ScratchDir() {
    char templ[] = "/tmp/cbam-test-XXXXXX";
    if (!::mkdtemp(templ)) throw std::runtime_error("ScratchDir: mkdtemp failed");
    path_ = templ;
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void ScratchDir::write(const std::string& name, const std::string& content) const {
    fs::path p = fs::path(path_) / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

void ScratchDir::edit(const std::string& name, const std::string& from, const std::string& to) const {
    std::string text = read_file(file(name));
    auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("ScratchDir::edit: \"" + from + "\" is not in " + name);
    text.replace(at, from.size(), to);
    write(name, text);
}

void ScratchDir::copy_from(const std::string& source_relative) const {
    fs::copy(source_path(source_relative), path_, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool file_exists(const std::string& path) { return fs::exists(path); }

Decimal D(const char* text) {
    auto d = Decimal::parse(text);
    if (!d) throw std::invalid_argument(std::string("D: not a decimal: ") + text);
    return *d;
}

std::string official_template(const std::string& version) {
    const char* env = std::getenv("CBAM_TEMPLATE_DIR");
    std::string dir = env && *env ? env : source_path("../shared/templates");
    std::string path = dir + "/CBAM Communication template for installations_en_" + version + ".xlsx";
    return fs::exists(path) ? path : std::string();
}

}  // namespace cbam::test
