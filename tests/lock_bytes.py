"""What Microsoft Office and LibreOffice write in the lock file they keep beside a file they
have open, as the tests of lock files found and named write it (docgen reads the owner's
name from the first bytes: docgen/intake/lockfiles.py)."""

#: Office's owner file: a length byte, the user's name, spaces to 54 bytes (then the name
#: again in UTF-16, which docgen does not read)
OFFICE = bytes([10]) + b"Jo Bloggs " + b" " * 43 + "Jo Bloggs".encode("utf-16-le")
#: LibreOffice's: the user's full name, login, host, time and the file's URL
LIBREOFFICE = b"Jo Bloggs,officer,host,07.12.2026 09:05,file:///home/officer/lo;"
