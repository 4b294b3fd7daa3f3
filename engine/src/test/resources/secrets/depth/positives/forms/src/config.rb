Rails.application.configure do
  config.action_mailer.smtp_settings = { user_name: 'apikey', password: 'Rb8kq2Wz7x' }
end
ActiveRecord::Base.establish_connection(adapter: "postgresql", username: "rails", :password => "Ar5zK9wq2L")
