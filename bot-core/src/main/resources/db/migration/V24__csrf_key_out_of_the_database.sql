-- The link page's CSRF key moves into the secret store; the row that held it in clear goes. The next start
-- creates a new key there (forms open during the upgrade must be sent again).
DELETE FROM shared_web_state WHERE kind = 'csrf-key' AND id = 'v1';
