"""The domain's rules, each held once: what may be written, whoever writes it.

The window's services, the importer and sync all call these, so a file and the window
accept exactly the same things. A rule takes plain values (no database, no Qt) and either
returns the value cleaned or raises ValidationError with one sentence a clerk understands;
a caller that knows where the value came from (the importer's `bodies[0].meetings[1]…`)
puts that place in front of the sentence.
"""
