"""Speaking to citizens: the readability of Italian texts (Gulpease), the languages the assembly
communicates in, and the message templates filled for each member in their language.
"""
