#pragma once

#include "live/apikeystore.h"
#include "live/liveendpoint.h"
#include "live/liveoptions.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Liq {

// What the connect form remembers between runs (kept with the other desktop settings, never a
// secret: URLs are stored as their display origin, the key goes to the ApiKeyStore only).
struct ConnectChoices
{
    int kind = 2; // ConnectDialog::Kind; the free exchange streams first
    QList<Exchange> exchanges{std::begin(AllExchanges), std::end(AllExchanges)};
    QHash<QString, QUrl> endpointOverrides; // exchange endpoint name -> URL (settings only; no secrets)
    QString snapshotUrl;
    QString coinGlassUrl;
    CoinGlassView view = CoinGlassView::Coins;
    QString exchange = QStringLiteral("Binance");
    int intervalSeconds = 10;
    bool allowPlain = false;
};

// File > Connect…: the exchanges' free streams (a checkbox per exchange), a snapshot URL or the CoinGlass
// API, the key (masked; prefilled from the environment or the ApiKeyStore; "remember" writes it there with
// mode 0600, never to QSettings), the CoinGlass view, the polling interval and whether plain HTTP to another
// host is allowed. The entries are checked (by the endpoint policy) before the dialog closes; choices() is
// what to remember.
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    static constexpr int MinimumIntervalSeconds = 1;
    static constexpr int MaximumIntervalSeconds = 3600;
    // The choices of the Source box (its item data).
    // (The values are stored in the settings: never renumber them.)
    enum class Kind { SnapshotUrl = 0, CoinGlass = 1, Exchanges = 2 };

    explicit ConnectDialog(const ApiKeyStore &keyStore, const ConnectChoices &remembered = {},
                           QWidget *parent = nullptr);

    LiveEndpoint endpoint() const;
    LiveOptions options() const;
    // The form's entries as they may be remembered: no key, URLs without secrets.
    ConnectChoices choices() const;

    // Empty when the entries can be used; otherwise one sentence saying what to fix.
    QString validationError() const;
    // The message shown under the form (validation or key store problems).
    QString shownError() const;

    void accept() override;

    // The fields, for tests and for callers that prefill them.
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *keyEdit() const { return m_key; }
    QCheckBox *rememberKeyBox() const { return m_rememberKey; }
    QComboBox *viewBox() const { return m_view; }
    QLineEdit *exchangeEdit() const { return m_exchange; }
    QSpinBox *intervalBox() const { return m_interval; }
    QCheckBox *allowPlainHttpBox() const { return m_allowPlainHttp; }
    QCheckBox *exchangeBox(Exchange exchange) const { return m_exchangeBoxes[int(exchange)]; }

private:
    void buildLayout();
    void loadKey();
    void switchKind();
    void updateEnabled();
    void setChoices(const ConnectChoices &choices);
    void showError(const QString &message);
    Kind kind() const;
    QList<Exchange> checkedExchanges() const;

    ApiKeyStore m_keyStore;
    QComboBox *m_kind;
    QLineEdit *m_url;
    QLineEdit *m_key;
    QCheckBox *m_rememberKey;
    QComboBox *m_view;
    QLineEdit *m_exchange;
    QSpinBox *m_interval;
    QCheckBox *m_allowPlainHttp;
    QLabel *m_error;
    QCheckBox *m_exchangeBoxes[ExchangeCount];
    QWidget *m_exchangeRow;
    QHash<QString, QUrl> m_endpointOverrides;
    QString m_snapshotUrlText; // what the URL field held for the other kind, to switch back
    QString m_coinGlassUrlText;
};

} // namespace Liq
