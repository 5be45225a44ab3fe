"""What a meeting decided and what follows: the minutes and their versions, resolutions,
votes and appointments, actions, and the registers of them."""
