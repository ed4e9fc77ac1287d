#include "desktopsettings.h"

#include "session/analysissettings.h"

#include <QSettings>

#include <algorithm>

namespace Liq {
namespace {

// The keys are those of earlier versions, so what a user entered survives the update.
ConnectChoices loadConnectChoices(QSettings &settings)
{
    ConnectChoices choices;
    settings.beginGroup(QStringLiteral("feed"));
    choices.kind = settings.value(QStringLiteral("kind"), choices.kind).toInt();
    choices.snapshotUrl = settings.value(QStringLiteral("snapshotUrl")).toString();
    choices.coinGlassUrl = settings.value(QStringLiteral("coinGlassUrl")).toString();
    choices.view = settings.value(QStringLiteral("coinGlassView")).toInt() == int(CoinGlassView::Exchanges)
        ? CoinGlassView::Exchanges
        : CoinGlassView::Coins;
    choices.exchange = settings.value(QStringLiteral("exchange"), choices.exchange).toString();
    choices.intervalSeconds
        = std::clamp(settings.value(QStringLiteral("intervalSeconds"), 10).toInt(),
                     ConnectDialog::MinimumIntervalSeconds, ConnectDialog::MaximumIntervalSeconds);
    choices.allowPlain = settings.value(QStringLiteral("allowPlainHttp"), false).toBool();
    if (settings.contains(QStringLiteral("exchanges"))) {
        QString ignored;
        choices.exchanges = ExchangeEndpoints::parseExchangeList(
                                settings.value(QStringLiteral("exchanges")).toString(), &ignored)
                                .value_or(choices.exchanges);
    }
    // Endpoint overrides (mirrors, regional hosts): "endpoints/okx-ws=wss://...", as --endpoint takes them.
    settings.beginGroup(QStringLiteral("endpoints"));
    for (const QString &name : ExchangeEndpoints::names()) {
        const QUrl url(settings.value(name).toString());
        if (url.isValid() && !url.isEmpty())
            choices.endpointOverrides.insert(name, url);
    }
    settings.endGroup();
    settings.endGroup();
    return choices;
}

void saveConnectChoices(QSettings &settings, const ConnectChoices &choices)
{
    settings.beginGroup(QStringLiteral("feed"));
    settings.setValue(QStringLiteral("kind"), choices.kind);
    settings.setValue(QStringLiteral("snapshotUrl"), choices.snapshotUrl);
    settings.setValue(QStringLiteral("coinGlassUrl"), choices.coinGlassUrl);
    settings.setValue(QStringLiteral("coinGlassView"), int(choices.view));
    settings.setValue(QStringLiteral("exchange"), choices.exchange);
    settings.setValue(QStringLiteral("intervalSeconds"), choices.intervalSeconds);
    QStringList exchangeKeys;
    for (Exchange exchange : choices.exchanges)
        exchangeKeys << exchangeKey(exchange);
    if (!exchangeKeys.isEmpty())
        settings.setValue(QStringLiteral("exchanges"), exchangeKeys.join(u','));
    settings.setValue(QStringLiteral("allowPlainHttp"), choices.allowPlain);
    settings.endGroup();
}

} // namespace

DesktopSettings DesktopSettings::load(QSettings &settings)
{
    DesktopSettings loaded;
    loaded.theme = themeFromKey(settings.value(QStringLiteral("view/theme")).toString());
    loaded.chartMode
        = LiquidationChart::modeFromKey(settings.value(QStringLiteral("view/chartMode")).toString());
    loaded.breakdownWindow
        = windowFromLabel(settings.value(QStringLiteral("view/breakdownWindow")).toString())
              .value_or(TimeWindow::H24);
    const QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    for (auto it = recent.crbegin(); it != recent.crend(); ++it) {
        if (!it->isEmpty())
            loaded.addRecentFile(*it);
    }
    loaded.geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    loaded.windowState = settings.value(QStringLiteral("window/state")).toByteArray();

    loaded.config = AnalysisSettings::load(settings);
    loaded.connect = loadConnectChoices(settings);
    loaded.alertRules = AlertSettings::load(settings);
    if (const QVariant tray = settings.value(QStringLiteral("alerts/closeToTray")); tray.isValid())
        loaded.closeToTray = tray.toBool();
    return loaded;
}

void DesktopSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("view/theme"), themeKey(theme));
    settings.setValue(QStringLiteral("view/chartMode"), LiquidationChart::modeKey(chartMode));
    settings.setValue(QStringLiteral("view/breakdownWindow"), windowLabel(breakdownWindow));
    settings.setValue(QStringLiteral("files/recent"), recentFiles);
    settings.setValue(QStringLiteral("window/geometry"), geometry);
    settings.setValue(QStringLiteral("window/state"), windowState);
    AnalysisSettings::save(settings, config);
    saveConnectChoices(settings, connect);
    AlertSettings::save(settings, alertRules);
    if (closeToTray)
        settings.setValue(QStringLiteral("alerts/closeToTray"), *closeToTray);
}

void DesktopSettings::addRecentFile(const QString &path)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > MaxRecentFiles)
        recentFiles.removeLast();
}

} // namespace Liq
