const password = `Jt6mW2qKx9Pr`;
