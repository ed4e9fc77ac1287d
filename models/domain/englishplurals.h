#pragma once

#include <QTranslator>

namespace Liq {

// English plural forms for Liqscope's own texts. The sources are written once for any count, with "(s)"
// where the noun takes an s ("%n bad message(s) dropped"), and Qt chooses a plural form only through an
// installed translator: without one, users would read "1 snapshot(s)". This one answers every counted
// text that has "(s)" with the singular for a count of 1 and the plural otherwise; every other text is
// left to the next translator (or stays as written). Installed by each executable's main().
class EnglishPlurals final : public QTranslator
{
    Q_OBJECT
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }

    // Installs one into the running application, which owns it (call after the application is made).
    static void install();
};

} // namespace Liq
