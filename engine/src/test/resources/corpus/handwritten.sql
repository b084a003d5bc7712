-- Tables written by hand by a team over the years: collations and comments, expression defaults, unnamed
-- constraints (the server names them), index and unique-key names reused across tables, every size of text and
-- blob, unsigned columns at their limits, a MyISAM table, a latin1 table.
CREATE TABLE shop_customers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  public_id CHAR(36) NOT NULL DEFAULT (uuid()),
  email VARCHAR(190) NOT NULL,
  name VARCHAR(50) COLLATE utf8mb4_bin NOT NULL COMMENT 'display name',
  bio TEXT NOT NULL DEFAULT '',
  born DATE NULL,
  signed_up DATE NOT NULL DEFAULT (curdate()),
  created_at DATETIME(3) NOT NULL DEFAULT NOW(3),
  PRIMARY KEY (id),
  UNIQUE KEY email (email),
  KEY idx_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='people who bought something';

CREATE TABLE shop_suppliers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  email VARCHAR(190) NOT NULL,
  company VARCHAR(120) NOT NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY email (email),
  KEY idx_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE shop_orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  customer_id INT UNSIGNED NOT NULL,
  status ENUM('new','in-review','paid','shipped','Behind the Scenes') NOT NULL DEFAULT 'new',
  tags SET('gift','express','fragile item') NOT NULL DEFAULT '',
  total DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  placed_on DATE NOT NULL DEFAULT (curdate()),
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY idx_created_at (created_at),
  FOREIGN KEY (customer_id) REFERENCES shop_customers (id) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE shop_order_items (
  order_id BIGINT UNSIGNED NOT NULL,
  line_no SMALLINT UNSIGNED NOT NULL,
  sku VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  quantity MEDIUMINT UNSIGNED NOT NULL DEFAULT 1,
  unit_price DECIMAL(10,2) NOT NULL,
  discount FLOAT NULL,
  PRIMARY KEY (order_id, line_no),
  KEY (sku),
  FOREIGN KEY (order_id) REFERENCES shop_orders (id) ON DELETE CASCADE,
  CONSTRAINT positive_quantity CHECK (quantity > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE media_files (
  id BINARY(16) NOT NULL,
  kind TINYINT NOT NULL DEFAULT 0 COMMENT '0 image, 1 video, -1 deleted',
  thumbnail TINYBLOB NULL,
  preview BLOB NULL,
  body MEDIUMBLOB NULL,
  original LONGBLOB NULL,
  caption TINYTEXT NULL,
  transcript MEDIUMTEXT NULL,
  notes LONGTEXT NULL,
  taken_year YEAR NULL,
  flags BIT(12) NOT NULL DEFAULT b'0',
  archived BIT(1) NOT NULL DEFAULT b'0',
  byte_size BIGINT UNSIGNED NOT NULL DEFAULT 18446744073709551615,
  width SMALLINT UNSIGNED NULL,
  ratio FLOAT NOT NULL DEFAULT 1.5,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='uploaded files';

CREATE TABLE audit_trail (
  id BIGINT NOT NULL AUTO_INCREMENT,
  event_id UUID NOT NULL DEFAULT uuid(),
  actor VARCHAR(64) NOT NULL DEFAULT (current_user()),
  happened_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  details JSON NULL,
  PRIMARY KEY (id),
  KEY idx_happened (happened_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT 'who did what, when';

CREATE TABLE legacy_visits (
  id INT(10) UNSIGNED NOT NULL AUTO_INCREMENT,
  page VARCHAR(255) NOT NULL DEFAULT '',
  referrer VARCHAR(255) DEFAULT NULL,
  visitor_id INT(10) UNSIGNED NOT NULL,
  visited_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY visitor (visitor_id)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;

CREATE TABLE legacy_pages (
  slug VARCHAR(100) NOT NULL,
  title VARCHAR(200) CHARACTER SET latin1 COLLATE latin1_general_cs NOT NULL,
  body MEDIUMTEXT,
  hits INT(11) UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (slug)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;

CREATE TABLE feature_flags (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  enabled BOOL NOT NULL DEFAULT FALSE,
  rollout TINYINT UNSIGNED NOT NULL DEFAULT 100 CHECK (rollout <= 100),
  description VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'what it turns on',
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
) COMMENT = 'toggles';
