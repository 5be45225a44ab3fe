"""Who is who: people, organisations, bodies and their members."""
