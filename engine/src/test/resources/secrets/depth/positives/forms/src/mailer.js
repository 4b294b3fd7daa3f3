const nodemailer = require('nodemailer');
const transporter = nodemailer.createTransport({
  host: 'smtp.mailgun.org',
  auth: { user: 'postmaster@mg.acme.io', pass: 'Wq9z7kLm3xP' },
});
mongoose.connect('mongodb://api:Zx8cV2bN7m@mongo-0.mongo:27017/orders?authSource=admin');
const token = jwt.sign({ sub: user.id }, 'Nf7qK2wZx9Lm4vRt');
const octokit = new Octokit({ auth: 'ghp_Zq8wX2mK7vLr4tNbGk5sP9wQ2mZx7vLr4tNb' });
axios.get(url, { auth: { username: 'bot', password: 'Yk2wq8Lz5x' } });
const stripe = require('stripe')('sk_live_51Hq2Zk8wX2mK7vLr4tNbGk5sP9wQ2m');
