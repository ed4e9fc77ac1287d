#include "cli.h"
#include "domain/englishplurals.h"

#ifdef LIQSCOPE_WITH_DESKTOP
#include "desktop.h"

#include <QApplication>
#endif

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QTextStream>

#include <cstdio>

namespace {

QStringList argumentList(int argc, char **argv)
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Liqscope"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("liqscope.io"));
    QCoreApplication::setApplicationName(QStringLiteral("Liqscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIQSCOPE_VERSION_STRING));
    Liq::EnglishPlurals::install();
    // Feeds, REST lists and exchange streams go through the proxy the system is set up with.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

} // namespace

int main(int argc, char **argv)
{
    using namespace Liq::Cli;

    // Parse before any application object exists: --summary, --help and --version must run without a
    // display, so they get a QCoreApplication; only the window gets a QApplication.
    const ParsedArguments parsed = parseArguments(argumentList(argc, argv));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parsed.error.isEmpty()) {
        err << "liqscope: " << parsed.error << Qt::endl << "Try 'liqscope --help'." << Qt::endl;
        return UsageError;
    }

    const Options &options = parsed.options;
    switch (options.mode) {
    case Mode::Help: out << helpText(); return Success;
    case Mode::Version: out << versionText(); return Success;
    case Mode::Summary: {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        return runSummary(options, out, err);
    }
    case Mode::ExportEvents: {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        return runExportEvents(options, err);
    }
    case Mode::Desktop: break;
    }

#ifdef LIQSCOPE_WITH_DESKTOP
    QApplication app(argc, argv);
    setApplicationIdentity();
    Liq::DesktopOptions desktop;
    desktop.snapshotPath = options.snapshotPath;
    desktop.screenshotPath = options.screenshotPath;
    desktop.screenshotSize = options.screenshotSize;
    desktop.endpoint = options.endpoint;
    desktop.live = options.live;
    desktop.demo = options.demo;
    desktop.storePath = options.storePath;
    return Liq::runDesktop(app, desktop);
#else
    err << "liqscope: this build has no desktop window (built with LIQSCOPE_BUILD_GUI=OFF); use --summary."
        << Qt::endl;
    return UsageError;
#endif
}
