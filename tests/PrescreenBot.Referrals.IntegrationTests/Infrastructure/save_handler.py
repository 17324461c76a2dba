"""aiosmtpd handler for the SMTP test fixture: saves every accepted message as <uuid>.eml in a directory.

Run as: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c save_handler.SaveToDirectory DIRECTORY
"""
import os
import uuid


class SaveToDirectory:
    def __init__(self, directory):
        self.directory = directory

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("SaveToDirectory needs exactly one argument: the directory to save messages in")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        temporary = os.path.join(self.directory, name + ".tmp")
        with open(temporary, "wb") as message:
            message.write(("X-Envelope-From: " + envelope.mail_from + "\r\n").encode("utf-8"))
            message.write(("X-Envelope-To: " + ",".join(envelope.rcpt_tos) + "\r\n").encode("utf-8"))
            message.write(envelope.original_content or envelope.content)
        # Rename last, so the fixture never reads a half-written message.
        os.replace(temporary, os.path.join(self.directory, name + ".eml"))
        return "250 Message accepted for delivery"
