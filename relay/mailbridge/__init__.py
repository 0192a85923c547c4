"""The relay's mailbox bridge: a seller's own mailbox (IMAP in, SMTP out) as a marketplace
connection. docs/mail.md describes it; `accounts` is the API the app and the CLI use."""
