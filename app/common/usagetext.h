#pragma once

#include <QString>

class QCommandLineParser;

namespace Liq {

// The parser's help with the usage line naming the command as users type it ("Usage: liqscope-collect
// [options]"), wherever it was started from: Qt names it after argv[0], or "<executable_name>" before an
// application object exists.
QString usageText(const QCommandLineParser &parser, const QString &program);

} // namespace Liq
