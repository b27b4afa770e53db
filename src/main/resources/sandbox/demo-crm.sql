-- The sandbox's demo CRM: a customer table as a company's CRM might expose it to the gateway
-- (redress.crm.query reads it). Made-up customers; some are the senders of ../shared/samples.
CREATE TABLE IF NOT EXISTS crm_customer (
    email              VARCHAR(320) PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    tier               VARCHAR(32)  NOT NULL,
    customer_since     DATE         NOT NULL,
    lifetime_value     DECIMAL(12, 2) NOT NULL,
    preferred_language VARCHAR(8)
);
MERGE INTO crm_customer KEY (email) VALUES
    ('claire.dubois@example.org', 'Claire Dubois', 'gold', DATE '2016-04-12', 7420.00, 'fr'),
    ('hugo.martin@example.net', 'Hugo Martin', 'standard', DATE '2023-01-30', 389.90, 'fr'),
    ('giulia.romano@example.it', 'Giulia Romano', 'silver', DATE '2019-09-03', 1835.40, 'it'),
    ('tom.baker@example.co.uk', 'Tom Baker', 'standard', DATE '2021-05-14', 1240.50, 'en'),
    ('juergen.weiss@example.de', 'Jürgen Weiß', 'standard', DATE '2024-10-20', 219.00, 'de'),
    ('lucia.fernandez@example.es', 'Lucía Fernández', 'platinum', DATE '2012-11-08', 15310.75, 'es'),
    ('paul.lefevre@example.org', 'Paul Lefèvre', 'standard', DATE '2025-06-01', 129.00, 'fr');
