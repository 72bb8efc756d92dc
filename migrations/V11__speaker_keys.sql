-- One speaker across languages and scripts. `key` is a person's full name
-- romanised and folded so that its spellings in Latin, Cyrillic and Greek
-- letters meet ("Dmitry Sokolov", "Dmitri Sokolov", "Дмитрий Соколов" →
-- "dmitri sokolov"); a new speaker whose key is a person's already stored
-- is that person. name_key() is the program's own function (registered on
-- every connection it opens); NULL for one-word names and other scripts.
ALTER TABLE speakers ADD COLUMN key TEXT;
UPDATE speakers SET key = name_key(name) WHERE kind = 'person';
CREATE INDEX speakers_key ON speakers(key) WHERE key IS NOT NULL;

-- The language an alias is written in, when an alias file says so
-- (`newsarchive speakers apply`); NULL for aliases the articles taught.
ALTER TABLE speaker_aliases ADD COLUMN language TEXT;
