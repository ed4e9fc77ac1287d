#include "connectdialog.h"

#include "liqpalette.h"
#include "live/endpointpolicy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Liq {
namespace {

const QString KindKey = QStringLiteral("feed/kind");
const QString SnapshotUrlKey = QStringLiteral("feed/snapshotUrl");
const QString CoinGlassUrlKey = QStringLiteral("feed/coinGlassUrl");
const QString ViewKey = QStringLiteral("feed/coinGlassView");
const QString ExchangeKey = QStringLiteral("feed/exchange");
const QString IntervalKey = QStringLiteral("feed/intervalSeconds");
const QString PlainHttpKey = QStringLiteral("feed/allowPlain");

QUrl parsedUrl(const QString &text)
{
    return QUrl(text.trimmed(), QUrl::StrictMode);
}

// A URL may carry a secret in its query (?key=...); QSettings only ever gets the displayable form.
QString storableUrl(const QString &text)
{
    const QUrl url = parsedUrl(text);
    return url.isValid() ? EndpointPolicy::displayOrigin(url) : QString();
}

} // namespace

ConnectDialog::ConnectDialog(const ApiKeyStore &keyStore, QWidget *parent)
    : QDialog(parent)
    , m_keyStore(keyStore)
    , m_kind(new QComboBox)
    , m_url(new QLineEdit)
    , m_key(new QLineEdit)
    , m_rememberKey(new QCheckBox(tr("&Remember the key on this computer (file readable only by you)")))
    , m_view(new QComboBox)
    , m_exchange(new QLineEdit)
    , m_interval(new QSpinBox)
    , m_allowPlainHttp(new QCheckBox(tr("Allow plain &HTTP to another computer (unencrypted)")))
    , m_error(new QLabel)
{
    setWindowTitle(tr("Connect to Feed"));
    m_kind->addItem(tr("Snapshot URL"), int(Kind::SnapshotUrl));
    m_kind->addItem(tr("CoinGlass API"), int(Kind::CoinGlass));
    m_url->setPlaceholderText(QStringLiteral("https://example.com/liquidations.liqscope"));
    m_url->setClearButtonEnabled(true);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("CG-API-KEY"));
    m_key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_view->addItem(tr("Coins on one exchange"), int(CoinGlassView::Coins));
    m_view->addItem(tr("All exchanges"), int(CoinGlassView::Exchanges));
    m_exchange->setText(QStringLiteral("Binance"));
    m_interval->setRange(MinimumIntervalSeconds, MaximumIntervalSeconds);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(10);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, LiqPalette::errorColor());
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Source:"), m_kind);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(QString(), m_rememberKey);
    form->addRow(tr("&View:"), m_view);
    form->addRow(tr("&Exchange:"), m_exchange);
    form->addRow(tr("&Interval:"), m_interval);
    form->addRow(QString(), m_allowPlainHttp);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    loadSettings();
    QString keyError;
    m_key->setText(m_keyStore.load(&keyError));
    if (ApiKeyStore::environmentHasKey()) {
        m_rememberKey->setEnabled(false);
        m_rememberKey->setToolTip(tr("The key comes from the environment (%1).")
                                      .arg(QLatin1String(ApiKeyStore::EnvironmentVariable)));
    } else {
        m_rememberKey->setChecked(!m_key->text().isEmpty());
    }
    if (!keyError.isEmpty())
        showError(keyError);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // Each kind keeps its own URL, so switching back and forth loses nothing.
        if (kind() == Kind::CoinGlass) {
            m_snapshotUrlText = m_url->text();
            m_url->setText(m_coinGlassUrlText);
        } else {
            m_coinGlassUrlText = m_url->text();
            m_url->setText(m_snapshotUrlText);
        }
        updateEnabled();
    });
    connect(m_view, &QComboBox::currentIndexChanged, this, &ConnectDialog::updateEnabled);
    updateEnabled();
}

ConnectDialog::Kind ConnectDialog::kind() const
{
    return Kind(m_kind->currentData().toInt());
}

void ConnectDialog::updateEnabled()
{
    const bool coinGlass = kind() == Kind::CoinGlass;
    m_key->setEnabled(coinGlass);
    m_rememberKey->setEnabled(coinGlass && !ApiKeyStore::environmentHasKey());
    m_view->setEnabled(coinGlass);
    m_exchange->setEnabled(coinGlass && CoinGlassView(m_view->currentData().toInt()) == CoinGlassView::Coins);
    m_url->setPlaceholderText(coinGlass ? CoinGlassEndpoint::defaultBaseUrl().toString()
                                        : QStringLiteral("https://example.com/liquidations.liqscope"));
}

LiveEndpoint ConnectDialog::endpoint() const
{
    const QUrl url = parsedUrl(m_url->text());
    if (kind() == Kind::SnapshotUrl)
        return SnapshotUrlEndpoint{url};
    return CoinGlassEndpoint{url, m_key->text().trimmed(), CoinGlassView(m_view->currentData().toInt()),
                             m_exchange->text().trimmed()};
}

LiveOptions ConnectDialog::options() const
{
    LiveOptions options;
    options.intervalMs = m_interval->value() * 1000;
    options.allowPlain = m_allowPlainHttp->isChecked();
    return options;
}

QString ConnectDialog::validationError() const
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty())
        return tr("Enter the URL of the feed.");
    // The one endpoint policy decides, as it does for the command line and the client.
    if (const auto refused = EndpointPolicy::refusal(parsedUrl(text), EndpointPolicy::Transport::Http,
                                                     m_allowPlainHttp->isChecked()))
        return *refused + QLatin1Char('.');
    if (kind() == Kind::CoinGlass) {
        const QString key = m_key->text().trimmed();
        if (key.isEmpty())
            return tr("The CoinGlass API needs an API key.");
        for (QChar c : key) {
            if (c.isSpace() || c.category() == QChar::Other_Control)
                return tr("The API key contains spaces or control characters.");
        }
        if (CoinGlassView(m_view->currentData().toInt()) == CoinGlassView::Coins
            && m_exchange->text().trimmed().isEmpty())
            return tr("Name the exchange whose coins to show (e.g. Binance).");
    }
    return {};
}

QString ConnectDialog::shownError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ConnectDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ConnectDialog::accept()
{
    const QString problem = validationError();
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    if (kind() == Kind::CoinGlass && m_rememberKey->isEnabled()) {
        QString error;
        const bool stored = m_rememberKey->isChecked() ? m_keyStore.save(m_key->text().trimmed(), &error)
                                                       : m_keyStore.remove(&error);
        if (!stored) {
            showError(error);
            return;
        }
    }
    showError(QString());
    saveSettings();
    QDialog::accept();
}

void ConnectDialog::loadSettings()
{
    QSettings settings;
    m_snapshotUrlText = settings.value(SnapshotUrlKey).toString();
    m_coinGlassUrlText
        = settings.value(CoinGlassUrlKey, CoinGlassEndpoint::defaultBaseUrl().toString()).toString();
    const int kindIndex = m_kind->findData(settings.value(KindKey, int(Kind::SnapshotUrl)).toInt());
    m_kind->setCurrentIndex(std::max(0, kindIndex));
    m_url->setText(kind() == Kind::CoinGlass ? m_coinGlassUrlText : m_snapshotUrlText);
    const int viewIndex = m_view->findData(settings.value(ViewKey, int(CoinGlassView::Coins)).toInt());
    m_view->setCurrentIndex(std::max(0, viewIndex));
    m_exchange->setText(settings.value(ExchangeKey, QStringLiteral("Binance")).toString());
    m_interval->setValue(settings.value(IntervalKey, 10).toInt());
    m_allowPlainHttp->setChecked(settings.value(PlainHttpKey, false).toBool());
}

void ConnectDialog::saveSettings() const
{
    QSettings settings;
    settings.setValue(KindKey, int(kind()));
    const QString url = storableUrl(m_url->text());
    settings.setValue(kind() == Kind::CoinGlass ? CoinGlassUrlKey : SnapshotUrlKey, url);
    settings.setValue(ViewKey, m_view->currentData().toInt());
    settings.setValue(ExchangeKey, m_exchange->text().trimmed());
    settings.setValue(IntervalKey, m_interval->value());
    settings.setValue(PlainHttpKey, m_allowPlainHttp->isChecked());
}

} // namespace Liq
