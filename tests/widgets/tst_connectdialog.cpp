#include "connectdialog.h"
#include "desktopsettings.h"
#include "live/apikeystore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

const QString SecretKey = u"cg-test-9f8e7d6c5b4a"_qs;

} // namespace

class tst_ConnectDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void validation_data();
    void validation();
    void keyIsMaskedAndNeverInSettings();
    void keyFromTheEnvironmentIsNotOffered();
    void entriesBecomeEndpointAndOptions();
    void exchangesAreTheFirstChoice();

private:
    QTemporaryDir m_dir;
    QString keyPath() const { return m_dir.filePath(u"keys/coinglass-api-key"_qs); }
};

void tst_ConnectDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_qs));
    QCoreApplication::setOrganizationName(u"LiqscopeTest"_qs);
    QCoreApplication::setApplicationName(u"tst_connectdialog"_qs);
    qunsetenv(ApiKeyStore::EnvironmentVariable);
}

void tst_ConnectDialog::init()
{
    QSettings().clear();
    QFile::remove(keyPath());
}

void tst_ConnectDialog::validation_data()
{
    QTest::addColumn<int>("kind"); // ConnectDialog::Kind
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("allowPlain");
    QTest::addColumn<QString>("exchange");
    QTest::addColumn<QString>("error"); // a fragment of the message; empty: valid
    const int snapshot = int(ConnectDialog::Kind::SnapshotUrl);
    const int coinGlass = int(ConnectDialog::Kind::CoinGlass);
    QTest::newRow("https snapshot") << snapshot << u"https://example.com/feed.liqscope"_qs << QString()
                                    << false << QString() << QString();
    QTest::newRow("loopback http") << snapshot << u"http://127.0.0.1:8787/v1/snapshot"_qs << QString()
                                   << false << QString() << QString();
    QTest::newRow("empty url") << snapshot << u"  "_qs << QString() << false << QString()
                               << u"Enter the URL"_qs;
    QTest::newRow("ftp") << snapshot << u"ftp://example.com/x"_qs << QString() << false << QString()
                         << u"ftp://example.com/x: not a https:// or http:// URL"_qs;
    QTest::newRow("no host") << snapshot << u"https://"_qs << QString() << false << QString()
                             << u"not a https:// or http:// URL"_qs;
    QTest::newRow("plain http elsewhere")
        << snapshot << u"http://example.com/feed"_qs << QString() << false << QString()
        << u"http://example.com/feed: plain HTTP to a non-local host is refused"_qs;
    QTest::newRow("plain http allowed")
        << snapshot << u"http://example.com/feed"_qs << QString() << true << QString() << QString();
    QTest::newRow("coinglass ok") << coinGlass << u"https://open-api-v4.coinglass.com"_qs << SecretKey
                                  << false << u"Binance"_qs << QString();
    QTest::newRow("coinglass without key") << coinGlass << u"https://open-api-v4.coinglass.com"_qs
                                           << QString() << false << u"Binance"_qs << u"needs an API key"_qs;
    QTest::newRow("key with a space") << coinGlass << u"https://open-api-v4.coinglass.com"_qs << u"ab cd"_qs
                                      << false << u"Binance"_qs << u"spaces or control characters"_qs;
    QTest::newRow("coins without exchange") << coinGlass << u"https://open-api-v4.coinglass.com"_qs
                                            << SecretKey << false << QString() << u"Name the exchange"_qs;
}

void tst_ConnectDialog::validation()
{
    QFETCH(int, kind);
    QFETCH(QString, url);
    QFETCH(QString, key);
    QFETCH(bool, allowPlain);
    QFETCH(QString, exchange);
    QFETCH(QString, error);
    ConnectDialog dialog{ApiKeyStore(keyPath())};
    dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findData(kind));
    dialog.urlEdit()->setText(url);
    dialog.keyEdit()->setText(key);
    dialog.allowPlainHttpBox()->setChecked(allowPlain);
    dialog.exchangeEdit()->setText(exchange);
    dialog.rememberKeyBox()->setChecked(false);
    QCOMPARE(dialog.validationError().isEmpty(), error.isEmpty());
    QVERIFY2(dialog.validationError().contains(error), qPrintable(dialog.validationError()));

    // Accepting checks the same: an invalid form stays open and says why.
    dialog.show();
    dialog.accept();
    QCOMPARE(dialog.result(), error.isEmpty() ? int(QDialog::Accepted) : int(QDialog::Rejected));
    QCOMPARE(dialog.shownError(), error.isEmpty() ? QString() : dialog.validationError());
    QVERIFY(!dialog.validationError().contains(SecretKey));
}

void tst_ConnectDialog::keyIsMaskedAndNeverInSettings()
{
    {
        ConnectDialog dialog{ApiKeyStore(keyPath())};
        QCOMPARE(dialog.keyEdit()->echoMode(), QLineEdit::Password);
        dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findData(int(ConnectDialog::Kind::CoinGlass)));
        // A secret in the URL's query must not reach the settings either.
        dialog.urlEdit()->setText(u"https://open-api-v4.coinglass.com/?api_key=%1"_qs.arg(SecretKey));
        dialog.keyEdit()->setText(SecretKey);
        dialog.rememberKeyBox()->setChecked(true);
        dialog.intervalBox()->setValue(42);
        dialog.show();
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(std::get<CoinGlassEndpoint>(dialog.endpoint()).apiKey, SecretKey);
        // What the window does with an accepted dialog: its choices go into the desktop settings.
        DesktopSettings desktop;
        desktop.connect = dialog.choices();
        QSettings settings;
        desktop.save(settings);
    }
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("intervalSeconds=42")); // the settings were written...
    QVERIFY(!content.contains(SecretKey.toUtf8())); // ...without the key
    QVERIFY(!content.contains("api_key"));

    // The key went to the key store, readable by its owner only.
    QFile keyFile(keyPath());
    QVERIFY(keyFile.exists());
    QCOMPARE(keyFile.permissions()
                 & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QCOMPARE(ApiKeyStore(keyPath()).load(), SecretKey);

    // The next dialog comes prefilled, still masked.
    ConnectDialog again{ApiKeyStore(keyPath()), DesktopSettings::load(settings).connect};
    QCOMPARE(again.keyEdit()->text(), SecretKey);
    QCOMPARE(again.keyEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(again.intervalBox()->value(), 42);
    QCOMPARE(again.kindBox()->currentData().toInt(), int(ConnectDialog::Kind::CoinGlass));

    // Unticking "remember" removes the stored key.
    again.rememberKeyBox()->setChecked(false);
    again.urlEdit()->setText(u"https://open-api-v4.coinglass.com"_qs);
    again.show();
    again.accept();
    QCOMPARE(again.result(), int(QDialog::Accepted));
    QVERIFY(!QFile::exists(keyPath()));
}

void tst_ConnectDialog::keyFromTheEnvironmentIsNotOffered()
{
    qputenv(ApiKeyStore::EnvironmentVariable, SecretKey.toUtf8());
    ConnectDialog dialog{ApiKeyStore(keyPath())};
    qunsetenv(ApiKeyStore::EnvironmentVariable);
    QCOMPARE(dialog.keyEdit()->text(), SecretKey);
    QCOMPARE(dialog.keyEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog.rememberKeyBox()->isEnabled());
}

void tst_ConnectDialog::entriesBecomeEndpointAndOptions()
{
    ConnectDialog dialog{ApiKeyStore(keyPath())};
    QCOMPARE(dialog.intervalBox()->minimum(), 1);
    QCOMPARE(dialog.intervalBox()->maximum(), 3600);
    QVERIFY(!dialog.allowPlainHttpBox()->isChecked());
    dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findData(int(ConnectDialog::Kind::CoinGlass)));
    QCOMPARE(dialog.urlEdit()->text(), CoinGlassEndpoint::defaultBaseUrl().toString());
    dialog.keyEdit()->setText(u"  %1 "_qs.arg(SecretKey));
    dialog.viewBox()->setCurrentIndex(dialog.viewBox()->findData(int(CoinGlassView::Exchanges)));
    QVERIFY(!dialog.exchangeEdit()->isEnabled());
    dialog.intervalBox()->setValue(30);
    const LiveEndpoint chosen = dialog.endpoint();
    QVERIFY(std::holds_alternative<CoinGlassEndpoint>(chosen));
    const auto &endpoint = std::get<CoinGlassEndpoint>(chosen);
    QCOMPARE(endpoint.apiKey, SecretKey);
    QCOMPARE(endpoint.view, CoinGlassView::Exchanges);
    QCOMPARE(endpoint.baseUrl, CoinGlassEndpoint::defaultBaseUrl());
    QCOMPARE(dialog.options().intervalMs, 30'000);
    QVERIFY(!dialog.options().allowPlain);

    // Switching back to a snapshot URL restores what was typed there.
    dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findData(int(ConnectDialog::Kind::SnapshotUrl)));
    dialog.urlEdit()->setText(u"http://127.0.0.1:9/v1/snapshot"_qs);
    dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findData(int(ConnectDialog::Kind::CoinGlass)));
    dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findData(int(ConnectDialog::Kind::SnapshotUrl)));
    QCOMPARE(dialog.urlEdit()->text(), u"http://127.0.0.1:9/v1/snapshot"_qs);
    QVERIFY(!dialog.keyEdit()->isEnabled());
    QVERIFY(std::holds_alternative<SnapshotUrlEndpoint>(dialog.endpoint()));
    QCOMPARE(std::get<SnapshotUrlEndpoint>(dialog.endpoint()).url,
             QUrl(u"http://127.0.0.1:9/v1/snapshot"_qs));
}

QTEST_MAIN(tst_ConnectDialog)
#include "tst_connectdialog.moc"

void tst_ConnectDialog::exchangesAreTheFirstChoice()
{
    ConnectChoices remembered;
    remembered.endpointOverrides.insert(u"okx-ws"_qs, QUrl(u"ws://127.0.0.1:9/ws"_qs));
    ConnectDialog dialog(ApiKeyStore(keyPath()), remembered);
    // A first start lands on the free streams, every exchange ticked, no URL or key asked for.
    QCOMPARE(dialog.kindBox()->itemData(0).toInt(), int(ConnectDialog::Kind::Exchanges));
    QCOMPARE(dialog.kindBox()->currentData().toInt(), int(ConnectDialog::Kind::Exchanges));
    QVERIFY(dialog.validationError().isEmpty());
    dialog.exchangeBox(Exchange::Bybit)->setChecked(false);
    const LiveEndpoint chosen = dialog.endpoint();
    const auto *streams = std::get_if<ExchangeStreamsEndpoint>(&chosen);
    QVERIFY(streams);
    QCOMPARE(streams->exchanges, (QList<Exchange>{Exchange::Binance, Exchange::Okx}));
    QCOMPARE(streams->url(u"okx-ws"_qs), QUrl(u"ws://127.0.0.1:9/ws"_qs));
    QCOMPARE(dialog.choices().exchanges, streams->exchanges);

    for (Exchange exchange : AllExchanges)
        dialog.exchangeBox(exchange)->setChecked(false);
    QVERIFY(!dialog.validationError().isEmpty());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.shownError().contains(u"exchange"_qs));

    // The choice survives a restart, through the same settings keys as the rest of the form.
    dialog.exchangeBox(Exchange::Okx)->setChecked(true);
    QSettings store;
    DesktopSettings settings;
    settings.connect = dialog.choices();
    settings.save(store);
    // Endpoint overrides are set by hand in the settings file, as --endpoint takes them.
    store.setValue(u"feed/endpoints/bybit-rest"_qs, u"https://mirror.example/bybit"_qs);
    const DesktopSettings loaded = DesktopSettings::load(store);
    QCOMPARE(loaded.connect.kind, int(ConnectDialog::Kind::Exchanges));
    QCOMPARE(loaded.connect.exchanges, QList<Exchange>{Exchange::Okx});
    QCOMPARE(loaded.connect.endpointOverrides.value(u"bybit-rest"_qs),
             QUrl(u"https://mirror.example/bybit"_qs));
}
