-- A new speaker "Ann Smith" is matched to an existing "Ann Rose Smith" by
-- surname and first word. Searched by surname alone, a common surname
-- made every new speaker read all who share it: quadratic in an archive
-- of thousands of Smiths. With the name in the index, the first word is a
-- range seek (names compare case-blind, as the surname does).
CREATE INDEX speakers_surname_name ON speakers(surname COLLATE NOCASE, name COLLATE NOCASE);
DROP INDEX speakers_surname;
