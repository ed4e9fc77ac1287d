#include "connectdialog.h"

#include "liqpalette.h"
#include "live/endpointpolicy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Liq {
namespace {

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

ConnectDialog::ConnectDialog(const ApiKeyStore &keyStore, const ConnectChoices &remembered, QWidget *parent)
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
    , m_exchangeRow(new QWidget)
{
    setWindowTitle(tr("Connect"));
    auto *exchangeLayout = new QHBoxLayout(m_exchangeRow);
    exchangeLayout->setContentsMargins(0, 0, 0, 0);
    for (Exchange exchange : AllExchanges) {
        auto *box = new QCheckBox(exchangeName(exchange));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this] { showError(QString()); });
        m_exchangeBoxes[int(exchange)] = box;
        exchangeLayout->addWidget(box);
    }
    exchangeLayout->addStretch();
    m_kind->addItem(tr("Exchanges (free, no key)"), int(Kind::Exchanges));
    m_kind->addItem(tr("Snapshot URL"), int(Kind::SnapshotUrl));
    m_kind->addItem(tr("CoinGlass API"), int(Kind::CoinGlass));
    m_url->setClearButtonEnabled(true); // the placeholder follows the kind (updateEnabled)
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

    buildLayout();
    setChoices(remembered);
    loadKey();
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectDialog::switchKind);
    connect(m_view, &QComboBox::currentIndexChanged, this, &ConnectDialog::updateEnabled);
    updateEnabled();
}

void ConnectDialog::buildLayout()
{
    auto *form = new QFormLayout;
    form->addRow(tr("&Source:"), m_kind);
    form->addRow(tr("E&xchanges:"), m_exchangeRow);
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
}

// The saved key (or the environment's, which the dialog cannot remember or forget).
void ConnectDialog::loadKey()
{
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
}

// Each kind keeps its own URL, so switching back and forth loses nothing.
void ConnectDialog::switchKind()
{
    if (kind() == Kind::CoinGlass) {
        m_snapshotUrlText = m_url->text();
        m_url->setText(m_coinGlassUrlText);
    } else {
        m_coinGlassUrlText = m_url->text();
        m_url->setText(m_snapshotUrlText);
    }
    updateEnabled();
}

ConnectDialog::Kind ConnectDialog::kind() const
{
    return Kind(m_kind->currentData().toInt());
}

void ConnectDialog::updateEnabled()
{
    // Each source shows only its own fields: the streams need neither a URL, a key nor an interval.
    const bool streams = kind() == Kind::Exchanges;
    if (auto *form = findChild<QFormLayout *>()) {
        form->setRowVisible(m_exchangeRow, streams);
        for (QWidget *field : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_key),
                               static_cast<QWidget *>(m_rememberKey), static_cast<QWidget *>(m_view),
                               static_cast<QWidget *>(m_exchange), static_cast<QWidget *>(m_interval)})
            form->setRowVisible(field, !streams);
    }
    const bool coinGlass = kind() == Kind::CoinGlass;
    m_key->setEnabled(coinGlass);
    m_rememberKey->setEnabled(coinGlass && !ApiKeyStore::environmentHasKey());
    m_view->setEnabled(coinGlass);
    m_exchange->setEnabled(coinGlass && CoinGlassView(m_view->currentData().toInt()) == CoinGlassView::Coins);
    m_url->setPlaceholderText(coinGlass ? CoinGlassEndpoint::defaultBaseUrl().toString()
                                        : QStringLiteral("https://example.com/liquidations.liqscope"));
}

QList<Exchange> ConnectDialog::checkedExchanges() const
{
    QList<Exchange> checked;
    for (Exchange exchange : AllExchanges) {
        if (m_exchangeBoxes[int(exchange)]->isChecked())
            checked << exchange;
    }
    return checked;
}

LiveEndpoint ConnectDialog::endpoint() const
{
    if (kind() == Kind::Exchanges)
        return ExchangeStreamsEndpoint{checkedExchanges(), m_endpointOverrides};
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
    if (kind() == Kind::Exchanges) {
        if (checkedExchanges().isEmpty())
            return tr("Choose at least one exchange to watch.");
        for (auto it = m_endpointOverrides.cbegin(); it != m_endpointOverrides.cend(); ++it) {
            const auto transport = ExchangeEndpoints::isWebSocket(it.key())
                ? EndpointPolicy::Transport::WebSocket
                : EndpointPolicy::Transport::Http;
            if (const auto refused = EndpointPolicy::refusal(*it, transport, m_allowPlainHttp->isChecked()))
                return tr("Endpoint %1 in the settings: %2.").arg(it.key(), *refused);
        }
        return {};
    }
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
    QDialog::accept();
}

void ConnectDialog::setChoices(const ConnectChoices &choices)
{
    m_snapshotUrlText = choices.snapshotUrl;
    m_coinGlassUrlText = choices.coinGlassUrl.isEmpty() ? CoinGlassEndpoint::defaultBaseUrl().toString()
                                                        : choices.coinGlassUrl;
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(choices.kind)));
    m_url->setText(kind() == Kind::CoinGlass ? m_coinGlassUrlText : m_snapshotUrlText);
    m_view->setCurrentIndex(std::max(0, m_view->findData(int(choices.view))));
    m_exchange->setText(choices.exchange);
    m_interval->setValue(choices.intervalSeconds);
    m_allowPlainHttp->setChecked(choices.allowPlain);
    for (Exchange exchange : AllExchanges)
        m_exchangeBoxes[int(exchange)]->setChecked(choices.exchanges.contains(exchange));
    m_endpointOverrides = choices.endpointOverrides;
}

ConnectChoices ConnectDialog::choices() const
{
    ConnectChoices choices;
    choices.kind = int(kind());
    const QString url = storableUrl(m_url->text());
    choices.snapshotUrl = kind() == Kind::CoinGlass ? storableUrl(m_snapshotUrlText) : url;
    choices.coinGlassUrl = kind() == Kind::CoinGlass ? url : storableUrl(m_coinGlassUrlText);
    choices.view = CoinGlassView(m_view->currentData().toInt());
    choices.exchange = m_exchange->text().trimmed();
    choices.intervalSeconds = m_interval->value();
    choices.allowPlain = m_allowPlainHttp->isChecked();
    choices.exchanges = checkedExchanges();
    choices.endpointOverrides = m_endpointOverrides;
    return choices;
}

} // namespace Liq
