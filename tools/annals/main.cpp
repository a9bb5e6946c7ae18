// The annals command line: parse, dispatch to a subcommand, map failures to exit codes.
#include "cli.hpp"

#include "annals/core/error.hpp"

#include <exception>

int main(int argc, char** argv) {
    using namespace annals::cli;
    CLI::App app{"annals: English news text to timelines and event graphs", "annals"};
    app.set_version_flag("--version", ANNALS_VERSION);
    app.require_subcommand(1);
    Outcome outcome;
    setup_extract(app, outcome);
    setup_build(app, outcome);
    setup_eval(app, outcome);
    setup_merge(app, outcome);
    setup_query(app, outcome);
    setup_timeline(app, outcome);
    setup_export(app, outcome);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        say_error(e.what());
        say_error("try 'annals --help'");
        return bad_usage;
    } catch (const annals::Error& e) {
        say_error(e.what());
        return e.code() == annals::Errc::bad_usage ? bad_usage : bad_input;
    } catch (const std::exception& e) {
        say_error(e.what());
        return bad_input;
    }
    return outcome.status;
}
